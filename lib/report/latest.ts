import "server-only";
import { type AuditOutcome, auditModel } from "@/lib/audit";
import type { ModelRef } from "@/lib/model-ref";
import { auditLimiter } from "@/lib/rate-limit";
import { modelKey } from "./model-key";
import type { Report } from "./schema";
import { snapshotStore } from "./store";

/** A stored snapshot younger than this is served as is. */
export const FRESH_FOR_MS = 24 * 60 * 60 * 1000;

export type AuditFailure = Extract<AuditOutcome, { ok: false }>["error"];

export interface LatestResult {
  /** The newest report: freshly audited, or the stored one (possibly stale when the audit failed). */
  report: Report | null;
  /** True when the report came from the store without a new audit. */
  cached: boolean;
  error: AuditFailure | null;
}

export interface LatestOptions {
  /** Rate-limit key of whoever triggers an uncached audit. */
  client: string;
  /** Audit again even if a fresh snapshot exists (the re-audit action). */
  force?: boolean;
  now?: () => number;
}

const inFlight = new Map<string, Promise<AuditOutcome>>();

// two readers of the same model while it is being audited share one audit
function auditOnce(ref: ModelRef, noCache: boolean): Promise<AuditOutcome> {
  const key = modelKey(ref.source, ref.id);
  const running = inFlight.get(key);
  if (running) {
    return running;
  }
  const started = auditModel(ref.input, { noCache }).finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

/** Serves the latest snapshot while fresh, else audits (rate-limited per client) and stores the result. */
export async function latestReport(ref: ModelRef, { client, force = false, now = Date.now }: LatestOptions): Promise<LatestResult> {
  const store = snapshotStore();
  const stored = store.latest(ref.source, ref.id);
  if (!force && stored && now() - Date.parse(stored.createdAt) < FRESH_FOR_MS) {
    return { report: stored.report, cached: true, error: null };
  }
  const allowed = auditLimiter().take(client);
  if (!allowed.ok) {
    const error: AuditFailure = {
      code: "rate_limited",
      message: "Too many audits from your address; wait a moment.",
      status: 429,
      retryAfterSeconds: allowed.retryAfterSeconds,
    };
    return { report: stored?.report ?? null, cached: true, error };
  }
  const outcome = await auditOnce(ref, force);
  if (!outcome.ok) {
    return { report: stored?.report ?? null, cached: stored !== null, error: outcome.error };
  }
  return { report: store.save(outcome.report, new Date(now())), cached: false, error: null };
}
