import { z } from "zod";

/** How the PostgreSQL queue retries, times out and polls; every value comes from the environment. */
export interface QueueSettings {
  /** Retries after the first try; a job that fails them all goes to the dead-letter queue. */
  retryLimit: number;
  /** The first retry's delay; each later one doubles it (with jitter). */
  retryDelaySeconds: number;
  /** A job active this long (its worker died, say) is failed and retried. */
  expireSeconds: number;
  /** How often expired jobs are looked for. */
  maintenanceSeconds: number;
  /** How often an idle worker asks for work. */
  pollingSeconds: number;
}

const seconds = (fallback: number, min: number, max: number) => z.coerce.number().min(min).max(max).default(fallback);

const envSchema = z.object({
  MOFSCOPE_QUEUE_RETRIES: z.coerce.number().int().min(0).max(20).default(3),
  MOFSCOPE_QUEUE_RETRY_DELAY_S: z.coerce.number().int().min(0).max(3600).default(30),
  MOFSCOPE_QUEUE_EXPIRE_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(23 * 3600)
    .default(900),
  MOFSCOPE_QUEUE_MAINTENANCE_S: z.coerce.number().int().min(1).max(3600).default(60),
  MOFSCOPE_QUEUE_POLL_S: seconds(2, 0.5, 60),
});

/** Reads MOFSCOPE_QUEUE_*; an invalid value stops the command with a line naming it. */
export function queueSettings(env: Record<string, string | undefined>): QueueSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith("MOFSCOPE_QUEUE_") && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`invalid queue setting: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    retryLimit: e.MOFSCOPE_QUEUE_RETRIES,
    retryDelaySeconds: e.MOFSCOPE_QUEUE_RETRY_DELAY_S,
    expireSeconds: e.MOFSCOPE_QUEUE_EXPIRE_S,
    maintenanceSeconds: e.MOFSCOPE_QUEUE_MAINTENANCE_S,
    pollingSeconds: e.MOFSCOPE_QUEUE_POLL_S,
  };
}
