import { buildEvidence, evidenceFromVerdicts, type PartialFacts, type ReleaseEvidence, settledVerdicts } from "@/lib/evidence";
import type { ReleaseFacts, RepoFacts, SourceFailure } from "@/lib/evidence/facts";
import { getModelInfo } from "@/lib/fetchers/hf";
import type { HfModel } from "@/lib/fetchers/types";
import { parseModelUrl } from "@/lib/fetchers/url";
import type { ModelTarget } from "@/lib/fetchers/url";
import type { Upstream } from "@/lib/fetchers/upstream";
import { reportFromRecord } from "@/lib/report/from-assessment";
import type { Report } from "@/lib/report/schema";
import { componentByCid } from "@/lib/mof/components";
import { codeReleaseFacts, gatherModelFacts, modelRoundFacts, repoFacts } from "./gather";
import { badInput, firstRequestFailed } from "./outcome";
import type { AuditOutcome } from "./outcome";
import { defaultDeps } from "./default-deps";
import { type AuditStage, AuditProgress } from "./progress";
import { sourced } from "./sourced";

export type { AuditError, AuditErrorCode, AuditOutcome } from "./outcome";
export { AuditProgress } from "./progress";

export interface AuditDeps {
  /** A fresh upstream per audit, so its request count is this audit's own. */
  readonly upstream: () => Upstream;
  readonly now: () => Date;
}

const HF_MODEL_LINK = /huggingface\.co\/(?!datasets\/|spaces\/|papers\/|docs\/|blog\/|collections\/)([\w.-]+\/[\w.-]+)/g;

/** The Hub model a README names, preferring one published by the repository's own owner. */
function releasedModel(readme: string, owner: string): string | undefined {
  const ids = [...readme.matchAll(HF_MODEL_LINK)].map((m) => (m[1] ?? "").replace(/\.git$/, "").replace(/[.]+$/, ""));
  return ids.find((id) => id.split("/")[0]?.toLowerCase() === owner.toLowerCase()) ?? ids[0];
}

function allFailures(facts: ReleaseFacts): SourceFailure[] {
  const results = [facts.card, facts.refs, ...facts.datasets.flatMap((d) => [d.info, d.card]), ...facts.evalDatasets.map((d) => d.info), ...facts.repos.flatMap((r) => [r.repo, r.tree, r.readme]), ...facts.papers.map((p) => p.paper)];
  const failures = results.flatMap((r) => (r && !r.ok ? [r.failure] : []));
  return [...new Map(failures.map((f) => [f.url, f])).values()];
}

function identity(facts: ReleaseFacts, model: Report["model"], now: Date) {
  const [org = "", name = model.id] = model.id.split("/");
  return {
    name,
    producer: org,
    // the record states what was found on the day of the audit, which is also the date MOT would file it under
    date: now.toISOString().slice(0, 10),
    huggingface: facts.model?.url ?? null,
    repository: facts.repos[0]?.url ?? null,
  };
}

function reportOf(input: string, evidence: ReleaseEvidence, facts: ReleaseFacts, model: Report["model"], upstream: Upstream, now: Date): Report {
  return reportFromRecord(evidence.record, {
    id: "",
    input,
    model,
    fetchedAt: now.toISOString(),
    gated: facts.model !== null && facts.model.gated !== false,
    failures: allFailures(facts).map(({ source, kind, url, message }) => ({ source, kind, url, message })),
    requests: upstream.http.stats().requests,
    findings: evidence.findings,
  });
}

function assemble(input: string, facts: ReleaseFacts, model: Report["model"], upstream: Upstream, now: Date): Report {
  return reportOf(input, buildEvidence(facts, identity(facts, model, now)), facts, model, upstream, now);
}

/**
 * The rows of the components whose verdict the facts so far settle. A row also says whether a substitute stands in
 * for its component, so it waits for that substitute's verdict too.
 */
function stageOf(input: string, partial: PartialFacts, model: Report["model"], upstream: Upstream, now: Date): AuditStage {
  const verdicts = settledVerdicts(partial);
  const report = reportOf(input, evidenceFromVerdicts(verdicts, identity(partial.facts, model, now)), partial.facts, model, upstream, now);
  const settled = (cid: number) => {
    const substitute = componentByCid(cid)?.substitute;
    return verdicts.has(cid) && (substitute === undefined || verdicts.has(substitute));
  };
  return new Map(report.components.filter((c) => settled(c.cid)).map((c) => [c.cid, c]));
}

async function auditHf(input: string, target: Extract<ModelTarget, { source: "hf" }>, upstream: Upstream, now: () => Date, progress: AuditProgress, extraRepos: RepoFacts[] = []): Promise<AuditOutcome> {
  const info = await sourced<HfModel>("hf", `${upstream.config.hfEndpoint}/api/models/${target.id}`, () => getModelInfo(upstream, target));
  if (!info.ok) {
    return firstRequestFailed(info.failure, `The Hugging Face model ${target.id}`);
  }
  const model = { source: "hf" as const, id: info.value.id, revision: target.revision, sha: info.value.sha, url: info.value.url };
  const onRound = (partial: PartialFacts) => progress.record(stageOf(input, partial, model, upstream, now()));
  onRound(modelRoundFacts(info.value, extraRepos));
  const facts = await gatherModelFacts(upstream, info.value, extraRepos, onRound);
  return { ok: true, report: assemble(input, facts, model, upstream, now()) };
}

async function auditGithub(input: string, target: Extract<ModelTarget, { source: "github" }>, upstream: Upstream, now: () => Date, progress: AuditProgress): Promise<AuditOutcome> {
  const repo = await repoFacts(upstream, `${target.owner}/${target.repo}`);
  if (!repo.repo.ok) {
    return firstRequestFailed(repo.repo.failure, `The GitHub repository ${target.owner}/${target.repo}`);
  }
  // a repository whose README names the model it releases is audited as that model, with this repository's code
  const released = repo.readme.ok ? releasedModel(repo.readme.value, target.owner) : undefined;
  if (released) {
    const outcome = await auditHf(input, { source: "hf", id: released, revision: null }, upstream, now, progress, [repo]);
    if (outcome.ok || outcome.error.code !== "not_found") {
      return outcome;
    }
  }
  const model = { source: "github" as const, id: repo.fullName, revision: null, sha: null, url: repo.url };
  return { ok: true, report: assemble(input, codeReleaseFacts(repo), model, upstream, now()) };
}

/** One audit under way: its outcome, and its components as they settle. */
export interface AuditRun {
  readonly outcome: Promise<AuditOutcome>;
  readonly progress: AuditProgress;
}

const inFlight = new Map<string, AuditRun>();

export interface AuditOptions extends Partial<AuditDeps> {
  /** Fetch everything afresh instead of reading the response cache. */
  readonly noCache?: boolean;
}

/** Starts auditing a model from a pasted URL or id; concurrent audits of the same target share one run. */
export function startAudit(input: string, options: AuditOptions = {}): AuditRun {
  const deps = { ...defaultDeps(options.noCache === true), ...options };
  const parsed = parseModelUrl(input);
  const progress = new AuditProgress();
  if (!parsed.ok) {
    progress.end();
    return { outcome: Promise.resolve(badInput(parsed.error.message)), progress };
  }
  const target = parsed.target;
  const key = target.source === "hf" ? `hf:${target.id.toLowerCase()}@${target.revision ?? ""}` : `github:${target.owner}/${target.repo}`.toLowerCase();
  const running = inFlight.get(key);
  if (running) {
    return running;
  }
  const upstream = deps.upstream();
  const audit = target.source === "hf" ? auditHf(input, target, upstream, deps.now, progress) : auditGithub(input, target, upstream, deps.now, progress);
  const outcome = audit
    .then((result) => {
      if (result.ok) {
        progress.record(new Map(result.report.components.map((c) => [c.cid, c])));
      }
      return result;
    })
    .finally(() => {
      progress.end();
      inFlight.delete(key);
    });
  const run = { outcome, progress };
  inFlight.set(key, run);
  return run;
}

/** Audits a model from a pasted URL or id; concurrent audits of the same target share one run. */
export function auditModel(input: string, options: AuditOptions = {}): Promise<AuditOutcome> {
  return startAudit(input, options).outcome;
}
