import { z } from "zod";
import { reasonOf } from "./health";
import type { StoredResponseCache } from "./response-cache";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const envSchema = z.object({
  /** How often the server deletes stale response-cache entries. */
  MOFSCOPE_CACHE_PRUNE_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(60),
  /** How long an entry is kept past its expiry, for revalidation with its ETag. */
  MOFSCOPE_CACHE_GRACE_HOURS: z.coerce
    .number()
    .min(0)
    .max(365 * 24)
    .default(7 * 24),
});

export interface PruneSettings {
  everyMs: number;
  graceMs: number;
}

/** The prune schedule from the environment; throws a readable error naming the bad variable. */
export function pruneSettings(env: Record<string, string | undefined> = process.env): PruneSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid cache configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return { everyMs: parsed.data.MOFSCOPE_CACHE_PRUNE_MINUTES * MINUTE, graceMs: parsed.data.MOFSCOPE_CACHE_GRACE_HOURS * HOUR };
}

/**
 * Deletes response-cache entries stale for longer than `graceMs`, every `everyMs`, so the table stops growing. The
 * timer never keeps the process alive, one run never overlaps the next, and a failed run is logged and retried at
 * the next tick. Returns the function that stops it.
 */
export function schedulePrune(
  cache: Pick<StoredResponseCache, "prune">,
  { everyMs, graceMs }: PruneSettings,
  log: (line: string) => void = (line) => console.error(line),
): () => void {
  let running = false;
  const run = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      const removed = await cache.prune(graceMs);
      if (removed > 0) {
        log(`mofscope: pruned ${removed} stale response-cache entries`);
      }
    } catch (error) {
      log(`mofscope: response-cache prune failed: ${reasonOf(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
