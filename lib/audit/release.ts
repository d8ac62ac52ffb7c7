import { buildEvidence, evidenceFromVerdicts, type PartialFacts, type ReleaseEvidence, settledVerdicts } from "@/lib/evidence";
import { buildContext } from "@/lib/evidence/context";
import { derivationOf } from "@/lib/evidence/derivation";
import type { ReleaseFacts, RepoFacts, SourceFailure } from "@/lib/evidence/facts";
import type { HfModel } from "@/lib/evidence/upstream-facts";
import { getModelFileText, getModelInfo } from "@/lib/fetchers/hf";
import type { ModelTarget } from "@/lib/fetchers/url";
import { componentByCid } from "@/lib/mof/components";
import { type ReportMeta, reportFromRecord } from "@/lib/report/from-assessment";
import { modelInfoOf } from "@/lib/report/model-info";
import type { Report } from "@/lib/report/schema";
import { codeReleaseFacts, gatherModelFacts, hubSource, modelRoundFacts, repoFacts } from "./gather";
import { type AuditOutcome, describeTarget, firstRequestFailed } from "./outcome";
import { AuditProgress, type AuditStage } from "./progress";
import { sourced } from "./sourced";
import type { AuditContext } from "./types";

const HF_MODEL_LINK = /huggingface\.co\/(?!datasets\/|spaces\/|papers\/|docs\/|blog\/|collections\/)([\w.-]+\/[\w.-]+)/g;

/** The Hub model a README names, preferring one published by the repository's own owner. */
function releasedModel(readme: string, owner: string): string | undefined {
  const ids = [...readme.matchAll(HF_MODEL_LINK)].map((m) => (m[1] ?? "").replace(/\.git$/, "").replace(/[.]+$/, ""));
  return ids.find((id) => id.split("/")[0]?.toLowerCase() === owner.toLowerCase()) ?? ids[0];
}

function allFailures(facts: ReleaseFacts): SourceFailure[] {
  const results = [
    facts.card,
    facts.refs,
    ...facts.datasets.flatMap((d) => [d.info, d.card]),
    ...facts.evalDatasets.map((d) => d.info),
    ...facts.repos.flatMap((r) => [r.repo, r.tree, r.readme]),
    ...facts.papers.map((p) => p.paper),
  ];
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

type Derivation = ReportMeta["derivation"];

/** The report of the evidence, with the failures of every source the facts needed. */
export function reportOf(
  ctx: AuditContext,
  evidence: ReleaseEvidence,
  facts: ReleaseFacts,
  model: Report["model"],
  now: Date,
  derivation: Derivation = null,
): Report {
  return reportFromRecord(evidence.record, {
    id: "",
    input: ctx.input,
    model,
    fetchedAt: now.toISOString(),
    gated: facts.model !== null && facts.model.gated !== false,
    failures: allFailures(facts).map(({ source, kind, url, message }) => ({ source, kind, url, message })),
    requests: ctx.upstream.http.stats().requests,
    findings: evidence.findings,
    derivation,
  });
}

function assemble(ctx: AuditContext, facts: ReleaseFacts, model: Report["model"], derivation: Derivation = null): Report {
  const now = ctx.now();
  const report = reportOf(ctx, buildEvidence(facts, identity(facts, model, now)), facts, model, now, derivation);
  const modelInfo = modelInfoOf(facts, report);
  return modelInfo === null ? report : { ...report, modelInfo };
}

/**
 * The base model a derivative names, and the base's own audit (one level deep: a base's base is not followed), so
 * the report can say which components only the base publishes. The adapter config is read only when the card names
 * no base.
 */
async function derivation(ctx: AuditContext, model: HfModel, followBase: boolean): Promise<Derivation> {
  const needsConfig = model.siblings.includes("adapter_config.json") && model.cardData?.base_model === undefined;
  const config = needsConfig ? await getModelFileText(ctx.upstream, { id: model.id, path: "adapter_config.json" }).catch(() => null) : null;
  const found = derivationOf(model, config);
  const base = found?.bases.find((b) => b.toLowerCase() !== model.id.toLowerCase());
  if (!found || base === undefined) {
    return null;
  }
  const baseUrl = `${ctx.upstream.config.hfEndpoint}/${base}`;
  // the base's own progress is nobody's page: its stages are not the derivative's
  const outcome = followBase ? await auditHf({ ...ctx, progress: new AuditProgress() }, { source: "hf", id: base, revision: null }, [], false) : null;
  const baseReport = outcome?.ok ? outcome.report : null;
  return { kind: found.kind, base: baseReport?.model.id ?? base, baseUrl: baseReport?.model.url ?? baseUrl, from: found.from, baseReport };
}

/**
 * The rows of the components whose verdict the facts so far settle. A row also says whether a substitute stands in
 * for its component, so it waits for that substitute's verdict too.
 */
function stageOf(ctx: AuditContext, partial: PartialFacts, model: Report["model"]): AuditStage {
  const now = ctx.now();
  const verdicts = settledVerdicts(partial);
  const report = reportOf(ctx, evidenceFromVerdicts(verdicts, identity(partial.facts, model, now), buildContext(partial.facts)), partial.facts, model, now);
  const settled = (cid: number) => {
    const substitute = componentByCid(cid)?.substitute;
    return verdicts.has(cid) && (substitute === undefined || verdicts.has(substitute));
  };
  return new Map(report.components.filter((c) => settled(c.cid)).map((c) => [c.cid, c]));
}

export async function auditHf(
  ctx: AuditContext,
  target: Extract<ModelTarget, { source: "hf" }>,
  extraRepos: RepoFacts[] = [],
  followBase = true,
): Promise<AuditOutcome> {
  const { upstream } = ctx;
  const info = await sourced<HfModel>("hf", `${upstream.config.hfEndpoint}/api/models/${target.id}`, () => getModelInfo(upstream, target));
  if (!info.ok) {
    return firstRequestFailed(info.failure, describeTarget({ source: "hf", id: target.id }));
  }
  const model = { source: "hf" as const, id: info.value.id, revision: target.revision, sha: info.value.sha, url: info.value.url };
  const onRound = (partial: PartialFacts) => ctx.progress.record(stageOf(ctx, partial, model));
  onRound(modelRoundFacts(info.value, extraRepos));
  const [facts, derived] = await Promise.all([
    gatherModelFacts(hubSource(upstream), info.value, { extraRepos, onRound }),
    derivation(ctx, info.value, followBase),
  ]);
  return { ok: true, report: assemble(ctx, facts, model, derived) };
}

export async function auditGithub(ctx: AuditContext, target: Extract<ModelTarget, { source: "github" }>): Promise<AuditOutcome> {
  const repo = await repoFacts(ctx.upstream, `${target.owner}/${target.repo}`);
  if (!repo.repo.ok) {
    return firstRequestFailed(repo.repo.failure, describeTarget({ source: "github", id: `${target.owner}/${target.repo}` }));
  }
  // a repository whose README names the model it releases is audited as that model, with this repository's code
  const released = repo.readme.ok ? releasedModel(repo.readme.value, target.owner) : undefined;
  if (released) {
    const outcome = await auditHf(ctx, { source: "hf", id: released, revision: null }, [repo]);
    if (outcome.ok || outcome.error.code !== "not_found") {
      return outcome;
    }
  }
  const model = { source: "github" as const, id: repo.fullName, revision: null, sha: null, url: repo.url };
  return { ok: true, report: assemble(ctx, codeReleaseFacts(repo), model) };
}
