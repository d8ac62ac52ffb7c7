import "server-only";
import { type AuditOutcome, AuditProgress, startAudit } from "@/lib/audit";
import type { FirstRequestError } from "@/lib/audit/outcome";
import { probeModel } from "@/lib/audit/probe";
import { defaultDatabase } from "@/lib/db";
import { createAuditClaims } from "@/lib/db/audit-claims";
import { indexModelStore } from "@/lib/db/index-models";
import { type StoredReport, snapshotStore } from "@/lib/db/snapshots";
import { createSingleFlight, type SingleFlight } from "@/lib/fetchers/single-flight";
import { headOfReport } from "@/lib/report/freshness";
import { modelKey } from "@/lib/report/model-key";
import type { ModelRef } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { auditLimiter, type TakeResult } from "@/lib/server/http/rate-limit";
import { invalidateModelPages } from "@/lib/server/page-cache/cache";
import { awaitClusterTurn, claimLeaseMs, processOwner } from "./cluster-turn";

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
  /** The client's token for this audit was already spent, on the first request a model page made before streaming. */
  prepaid?: boolean;
  now?: () => number;
}

type Stored = { ok: true; report: Report } | { ok: false; error: AuditFailure };

interface StoringAudit {
  readonly stored: Promise<Stored>;
  readonly progress: AuditProgress;
}

type Admitted = { ok: true; audit: StoringAudit } | { ok: false; retryAfterSeconds: number };

// route handlers and pages are bundled apart, so the single flights live on globalThis to be one per process
const globalForAudits = globalThis as unknown as {
  mofscopeAuditsInFlight?: SingleFlight<StoringAudit>;
  mofscopeAuditsStarting?: SingleFlight<Promise<Admitted>>;
};
// every reader of a model while it is being audited shares one audit and the one snapshot it stores: the entry is
// freed only after the save (and the claim's release), so no reader can slip between the audit's end and the snapshot
globalForAudits.mofscopeAuditsInFlight ??= createSingleFlight<StoringAudit>((audit) => audit.stored);
// audits whose first reader is still asking the limiter, which may answer after a round trip to a shared store
globalForAudits.mofscopeAuditsStarting ??= createSingleFlight<Promise<Admitted>>((admitted) => admitted);
const inFlight = globalForAudits.mofscopeAuditsInFlight;
const starting = globalForAudits.mofscopeAuditsStarting;

const auditKey = (ref: ModelRef, force: boolean) => `${modelKey(ref.source, ref.id)}${force ? " force" : ""}`;

function auditAndStore(ref: ModelRef, force: boolean, now: () => number, release: () => Promise<void>): StoringAudit {
  return inFlight.run(auditKey(ref, force), () => {
    const run = startAudit(ref.input, { noCache: force });
    const stored = run.outcome
      .then(async (outcome): Promise<Stored> => {
        if (!outcome.ok) {
          return outcome;
        }
        const report = await snapshotStore().save(outcome.report, new Date(now()));
        if (report.model.source === "hf") {
          // the audit read the head: what an older listing or check recorded would call this new report stale
          await indexModelStore()
            .recordHead(report.model.id, headOfReport(report), new Date(now()))
            .catch(() => undefined);
        }
        invalidateModelPages(ref.id);
        return { ok: true, report };
      })
      // after the save, so an instance waiting on the claim finds the snapshot once the claim is gone
      .finally(() => release().catch(() => undefined));
    return { stored, progress: run.progress };
  });
}

/** Another instance's audit, read from the snapshot it stored: settled from the start. */
function storedAudit({ report }: StoredReport): StoringAudit {
  const progress = new AuditProgress();
  progress.record(new Map(report.components.map((c) => [c.cid, c])));
  progress.end();
  return { stored: Promise.resolve({ ok: true, report }), progress };
}

const isFresh = (createdAt: string, now: () => number) => now() - Date.parse(createdAt) < FRESH_FOR_MS;

/**
 * Joins the audit of this key under way, or spends a token through `take` and starts it. A reader that comes while
 * the first one waits for the limiter waits for that answer too: it joins the audit the token started (joining costs
 * the upstreams nothing, so it spends no token), or, if that reader was refused, asks for its own token.
 */
async function joinOrStart(ref: ModelRef, force: boolean, now: () => number, take: () => Promise<TakeResult>, seen: StoredReport | null): Promise<Admitted> {
  const key = auditKey(ref, force);
  for (;;) {
    const running = inFlight.get(key);
    if (running !== undefined) {
      return { ok: true, audit: running };
    }
    const pending = starting.get(key);
    if (pending === undefined) {
      break;
    }
    await pending.catch(() => null);
  }
  // freed on settling before any waiter resumes, so a waiter finds the entry gone and the audit (if any) in flight
  return starting.run(key, () =>
    take().then(async (allowed): Promise<Admitted> => {
      if (!allowed.ok) {
        return allowed;
      }
      // one audit per model across every instance on the database: this one's, or another's snapshot
      const turn = await awaitClusterTurn(key, {
        claims: createAuditClaims(await defaultDatabase()),
        latest: () => snapshotStore().latest(ref.source, ref.id),
        owner: processOwner(),
        // a forced re-audit audits whatever is stored; any other one only if nothing newer than its reader saw is
        ...(force ? {} : { seen: seen?.report.id ?? null }),
        leaseMs: claimLeaseMs(),
      });
      return { ok: true, audit: turn.kind === "audit" ? auditAndStore(ref, force, now, turn.release) : storedAudit(turn.stored) };
    }),
  );
}

/** True when a fresh snapshot of the model is stored, so reading its report reaches no upstream. */
export async function hasFreshSnapshot(ref: Pick<ModelRef, "source" | "id">, now: () => number = Date.now): Promise<boolean> {
  const stored = await snapshotStore().latest(ref.source, ref.id);
  return stored !== null && isFresh(stored.createdAt, now);
}

const limited = (retryAfterSeconds: number): FirstRequestError => ({
  code: "rate_limited",
  message: "Too many audits from your address; wait a moment.",
  retryAfterSeconds,
});

export type PageAdmission = { ok: true; prepaid: boolean } | { ok: false; error: FirstRequestError };

/**
 * Settles a model page's status before it streams. For a model with no report and no audit under way, the client's
 * token is spent first (a client over its limit gets `rate_limited` before any upstream request), then the audit's
 * first request is made: an unknown model is `not_found`, a failing upstream its error. The page's audit then reads
 * that answer from the response cache and spends no second token (`prepaid`).
 */
export async function admitModelPage(ref: ModelRef, client: string): Promise<PageAdmission> {
  const key = auditKey(ref, false);
  if (inFlight.get(key) !== undefined || starting.get(key) !== undefined || (await snapshotStore().latest(ref.source, ref.id)) !== null) {
    return { ok: true, prepaid: false };
  }
  const allowed = await auditLimiter().take(client);
  if (!allowed.ok) {
    return { ok: false, error: limited(allowed.retryAfterSeconds) };
  }
  const probe = await probeModel(ref);
  return probe.ok ? { ok: true, prepaid: true } : { ok: false, error: probe.error };
}

export interface LatestRun {
  /** Set while an audit runs: its components as they settle, before the result. */
  readonly progress: AuditProgress | null;
  readonly result: Promise<LatestResult>;
}

/**
 * Serves the latest snapshot while fresh, else audits (rate-limited per client) and stores the result. Decides after
 * one store read, before the audit runs, whether it runs, so a page can stream its components as they settle.
 */
export async function startLatestReport(ref: ModelRef, { client, force = false, prepaid = false, now = Date.now }: LatestOptions): Promise<LatestRun> {
  // an audit under way before the read is joined even if it stores its snapshot while the read runs
  const running = inFlight.get(auditKey(ref, force));
  const stored = await snapshotStore().latest(ref.source, ref.id);
  if (!force && running === undefined && stored && isFresh(stored.createdAt, now)) {
    return { progress: null, result: Promise.resolve({ report: stored.report, cached: true, error: null }) };
  }
  // joined as seen before the read: looked up again, it may be over (its snapshot the one just read) and start another
  const admitted: Admitted =
    running !== undefined
      ? { ok: true, audit: running }
      : await joinOrStart(ref, force, now, () => (prepaid ? Promise.resolve({ ok: true }) : auditLimiter().take(client)), stored);
  if (!admitted.ok) {
    return { progress: null, result: Promise.resolve({ report: stored?.report ?? null, cached: true, error: limited(admitted.retryAfterSeconds) }) };
  }
  const { audit } = admitted;
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
