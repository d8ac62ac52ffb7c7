import { buildEvidence } from "@/lib/evidence";
import type { ReleaseFacts, RepoFacts, SourceFailure } from "@/lib/evidence/facts";
import { getModelInfo } from "@/lib/fetchers/hf";
import type { HfModel } from "@/lib/fetchers/types";
import { parseModelUrl } from "@/lib/fetchers/url";
import type { ModelTarget } from "@/lib/fetchers/url";
import type { Upstream } from "@/lib/fetchers/upstream";
import { reportFromRecord } from "@/lib/report/from-assessment";
import type { Report } from "@/lib/report/schema";
import { codeReleaseFacts, gatherModelFacts, repoFacts } from "./gather";
import { badInput, firstRequestFailed } from "./outcome";
import type { AuditOutcome } from "./outcome";
import { defaultDeps } from "./default-deps";
import { sourced } from "./sourced";

export type { AuditError, AuditErrorCode, AuditOutcome } from "./outcome";

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

function assemble(input: string, facts: ReleaseFacts, model: Report["model"], upstream: Upstream, now: Date): Report {
  const [org = "", name = model.id] = model.id.split("/");
  const evidence = buildEvidence(facts, {
    name,
    producer: org,
    // the record states what was found on the day of the audit, which is also the date MOT would file it under
    date: now.toISOString().slice(0, 10),
    huggingface: facts.model?.url ?? null,
    repository: facts.repos[0]?.url ?? null,
  });
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

async function auditHf(input: string, target: Extract<ModelTarget, { source: "hf" }>, upstream: Upstream, now: () => Date, extraRepos: RepoFacts[] = []): Promise<AuditOutcome> {
  const info = await sourced<HfModel>("hf", `${upstream.config.hfEndpoint}/api/models/${target.id}`, () => getModelInfo(upstream, target));
  if (!info.ok) {
    return firstRequestFailed(info.failure, `The Hugging Face model ${target.id}`);
  }
  const facts = await gatherModelFacts(upstream, info.value, extraRepos);
  const model = { source: "hf" as const, id: info.value.id, revision: target.revision, sha: info.value.sha, url: info.value.url };
  return { ok: true, report: assemble(input, facts, model, upstream, now()) };
}

async function auditGithub(input: string, target: Extract<ModelTarget, { source: "github" }>, upstream: Upstream, now: () => Date): Promise<AuditOutcome> {
  const repo = await repoFacts(upstream, `${target.owner}/${target.repo}`);
  if (!repo.repo.ok) {
    return firstRequestFailed(repo.repo.failure, `The GitHub repository ${target.owner}/${target.repo}`);
  }
  // a repository whose README names the model it releases is audited as that model, with this repository's code
  const released = repo.readme.ok ? releasedModel(repo.readme.value, target.owner) : undefined;
  if (released) {
    const outcome = await auditHf(input, { source: "hf", id: released, revision: null }, upstream, now, [repo]);
    if (outcome.ok || outcome.error.code !== "not_found") {
      return outcome;
    }
  }
  const model = { source: "github" as const, id: repo.fullName, revision: null, sha: null, url: repo.url };
  return { ok: true, report: assemble(input, codeReleaseFacts(repo), model, upstream, now()) };
}

const inFlight = new Map<string, Promise<AuditOutcome>>();

export interface AuditOptions extends Partial<AuditDeps> {
  /** Fetch everything afresh instead of reading the response cache. */
  readonly noCache?: boolean;
}

/** Audits a model from a pasted URL or id; concurrent audits of the same target share one run. */
export function auditModel(input: string, options: AuditOptions = {}): Promise<AuditOutcome> {
  const deps = { ...defaultDeps(options.noCache === true), ...options };
  const parsed = parseModelUrl(input);
  if (!parsed.ok) {
    return Promise.resolve(badInput(parsed.error.message));
  }
  const target = parsed.target;
  const key = target.source === "hf" ? `hf:${target.id.toLowerCase()}@${target.revision ?? ""}` : `github:${target.owner}/${target.repo}`.toLowerCase();
  const running = inFlight.get(key);
  if (running) {
    return running;
  }
  const upstream = deps.upstream();
  const run = (target.source === "hf" ? auditHf(input, target, upstream, deps.now) : auditGithub(input, target, upstream, deps.now)).finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}
