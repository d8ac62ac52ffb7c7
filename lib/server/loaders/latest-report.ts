import "server-only";
import { type AuditOutcome, type AuditProgress, startAudit } from "@/lib/audit";
import { snapshotStore } from "@/lib/db/snapshots";
import { modelKey } from "@/lib/report/model-key";
import type { ModelRef } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { auditLimiter } from "@/lib/server/http/rate-limit";
import { invalidateModelPages } from "@/lib/server/page-cache/cache";

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

type Stored = { ok: true; report: Report } | { ok: false; error: AuditFailure };

interface StoringAudit {
  readonly stored: Promise<Stored>;
  readonly progress: AuditProgress;
}

// route handlers and pages are bundled apart, so the map lives on globalThis to be one per process
const globalForAudits = globalThis as unknown as { mofscopeAuditsInFlight?: Map<string, StoringAudit> };
globalForAudits.mofscopeAuditsInFlight ??= new Map<string, StoringAudit>();
const inFlight = globalForAudits.mofscopeAuditsInFlight;

const auditKey = (ref: ModelRef, force: boolean) => `${modelKey(ref.source, ref.id)}${force ? " force" : ""}`;

// every reader of a model while it is being audited shares one audit and the one snapshot it stores: the
// entry is removed only after the save, so no reader can slip between the audit's end and the snapshot
function auditAndStore(ref: ModelRef, force: boolean, now: () => number): StoringAudit {
  const key = auditKey(ref, force);
  const run = startAudit(ref.input, { noCache: force });
  const stored = run.outcome
    .then(async (outcome): Promise<Stored> => {
      if (!outcome.ok) {
        return outcome;
      }
      const report = await snapshotStore().save(outcome.report, new Date(now()));
      invalidateModelPages(ref.id);
      return { ok: true, report };
    })
    .finally(() => inFlight.delete(key));
  const audit = { stored, progress: run.progress };
  inFlight.set(key, audit);
  return audit;
}

/** True when any snapshot of the model is stored, fresh or not. */
export async function hasSnapshot(ref: Pick<ModelRef, "source" | "id">): Promise<boolean> {
  return (await snapshotStore().latest(ref.source, ref.id)) !== null;
}

export interface LatestRun {
  /** Set while an audit runs: its components as they settle, before the result. */
  readonly progress: AuditProgress | null;
  readonly result: Promise<LatestResult>;
}

/**
 * Serves the latest snapshot while fresh, else audits (rate-limited per client) and stores the result. Decides
 * after one store read, before the audit ends, whether an audit runs, so a page can stream its components as they settle.
 */
export async function startLatestReport(ref: ModelRef, { client, force = false, now = Date.now }: LatestOptions): Promise<LatestRun> {
  // an audit under way before the read is joined even if it stores its snapshot while the read runs
  const running = inFlight.get(auditKey(ref, force));
  const stored = await snapshotStore().latest(ref.source, ref.id);
  if (!force && running === undefined && stored && now() - Date.parse(stored.createdAt) < FRESH_FOR_MS) {
    return { progress: null, result: Promise.resolve({ report: stored.report, cached: true, error: null }) };
  }
  // joining an audit already under way costs the upstreams nothing, so it spends no token
  let audit = running ?? inFlight.get(auditKey(ref, force));
  if (audit === undefined) {
    const allowed = auditLimiter().take(client);
    if (!allowed.ok) {
      const error: AuditFailure = {
        code: "rate_limited",
        message: "Too many audits from your address; wait a moment.",
        retryAfterSeconds: allowed.retryAfterSeconds,
      };
      return { progress: null, result: Promise.resolve({ report: stored?.report ?? null, cached: true, error }) };
    }
    audit = auditAndStore(ref, force, now);
  }
  const result = audit.stored.then((outcome): LatestResult => {
    if (!outcome.ok) {
      return { report: stored?.report ?? null, cached: stored !== null, error: outcome.error };
    }
    return { report: outcome.report, cached: false, error: null };
  });
  return { progress: audit.progress, result };
}

/** The latest report, as `startLatestReport` decides it, once it is settled. */
export async function latestReport(ref: ModelRef, options: LatestOptions): Promise<LatestResult> {
  return (await startLatestReport(ref, options)).result;
}
