import { createSingleFlight } from "@/lib/fetchers/single-flight";
import { parseModelUrl } from "@/lib/fetchers/url";
import { defaultDeps } from "./default-deps";
import { type AuditOutcome, badInput } from "./outcome";
import { AuditProgress } from "./progress";
import { auditGithub, auditHf } from "./release";
import type { AuditDeps } from "./types";

export { auditFolder, type FolderAuditOptions, type FolderAuditOutcome } from "./folder";
export type { AuditError, AuditErrorCode, AuditOutcome } from "./outcome";
export { AuditProgress } from "./progress";
export type { AuditDeps } from "./types";

/** One audit under way: its outcome, and its components as they settle. */
export interface AuditRun {
  readonly outcome: Promise<AuditOutcome>;
  readonly progress: AuditProgress;
}

const inFlight = createSingleFlight<AuditRun>((run) => run.outcome);

export interface AuditOptions extends Partial<AuditDeps> {
  /** Fetch everything afresh instead of reading the response cache. */
  readonly noCache?: boolean;
}

/** Starts auditing a model from a pasted URL or id; concurrent audits of the same target (and freshness) share one run. */
export function startAudit(input: string, options: AuditOptions = {}): AuditRun {
  const deps = { ...defaultDeps(options.noCache === true), ...options };
  const parsed = parseModelUrl(input);
  const progress = new AuditProgress();
  if (!parsed.ok) {
    progress.end();
    return { outcome: Promise.resolve(badInput(parsed.error.message)), progress };
  }
  const target = parsed.target;
  const targetKey = target.source === "hf" ? `hf:${target.id.toLowerCase()}@${target.revision ?? ""}` : `github:${target.owner}/${target.repo}`.toLowerCase();
  // a forced re-audit fetches everything afresh, so it never joins a run that reads the response cache
  const key = options.noCache === true ? `${targetKey} fresh` : targetKey;
  return inFlight.run(key, () => {
    const ctx = { input, upstream: deps.upstream(), now: deps.now, progress };
    const audit = target.source === "hf" ? auditHf(ctx, target) : auditGithub(ctx, target);
    const outcome = audit
      .then((result) => {
        if (result.ok) {
          progress.record(new Map(result.report.components.map((c) => [c.cid, c])));
        }
        return result;
      })
      .finally(() => progress.end());
    return { outcome, progress };
  });
}

/** Audits a model from a pasted URL or id; concurrent audits of the same target share one run. */
export function auditModel(input: string, options: AuditOptions = {}): Promise<AuditOutcome> {
  return startAudit(input, options).outcome;
}
