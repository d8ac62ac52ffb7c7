import type { DatasetFacts, PaperFacts, ReleaseFacts, RepoFacts, Sourced } from "@/lib/evidence/facts";
import type { PartialFacts } from "@/lib/evidence/settled";
import type { HfModel } from "@/lib/evidence/upstream-facts";
import { getPaperLicense } from "@/lib/fetchers/arxiv";
import { getReadme, getRepo, getTree } from "@/lib/fetchers/github";
import { getDatasetCard, getDatasetInfo, getModelCard, getModelRefs } from "@/lib/fetchers/hf";
import type { Upstream } from "@/lib/fetchers/upstream";
import { evalDatasetIds, linkedRepos, primaryPaperIds, trainingDatasetIds } from "./links";
import { sourced } from "./sourced";

function webBase(upstream: Upstream): string {
  return upstream.config.hfEndpoint;
}

async function datasetFacts(upstream: Upstream, id: string, withCard: boolean): Promise<DatasetFacts> {
  const url = `${webBase(upstream)}/datasets/${id}`;
  const [info, card] = await Promise.all([
    sourced("hf", url, () => getDatasetInfo(upstream, { id })),
    withCard ? sourced("hf", `${url}/raw/main/README.md`, () => getDatasetCard(upstream, { id })) : Promise.resolve(null),
  ]);
  return { id, url, info, card };
}

/** A GitHub repository's metadata, file tree and README, fetched together. */
export async function repoFacts(upstream: Upstream, fullName: string): Promise<RepoFacts> {
  const [owner = "", repo = ""] = fullName.split("/");
  const api = `${upstream.config.githubApiUrl}/repos/${fullName}`;
  const [meta, tree, readme] = await Promise.all([
    sourced("github", api, () => getRepo(upstream, { owner, repo })),
    sourced("github", `${api}/git/trees/HEAD`, () => getTree(upstream, { owner, repo, ref: "HEAD" })),
    sourced("github", `${api}/readme`, () => getReadme(upstream, { owner, repo })),
  ]);
  const url = meta.ok ? meta.value.htmlUrl : `https://github.com/${fullName}`;
  return { fullName: meta.ok ? meta.value.fullName : fullName, url, repo: meta, tree, readme };
}

async function paperFacts(upstream: Upstream, id: string): Promise<PaperFacts> {
  const url = `https://arxiv.org/abs/${id}`;
  return { id, url, paper: await sourced("arxiv", url, () => getPaperLicense(upstream, { id })) };
}

const text = (s: Sourced<string> | null | undefined): string[] => (s?.ok ? [s.value] : []);

/** What is known once the model info has answered: the model alone, everything else on its way. */
export function modelRoundFacts(model: HfModel, extraRepos: readonly RepoFacts[]): PartialFacts {
  return {
    facts: { model, card: null, refs: null, datasets: [], evalDatasets: [], repos: extraRepos, papers: [] },
    pending: new Set(["card", "refs", "datasets", "evalDatasets", "repos", "papers"]),
  };
}

/**
 * Everything the evidence rules need about a Hub model, in the two rounds that follow the model info:
 * card, refs and datasets first (reported to `onRound`); then the repositories and the paper the cards name.
 */
export async function gatherModelFacts(
  upstream: Upstream,
  model: HfModel,
  extraRepos: readonly RepoFacts[] = [],
  onRound: (partial: PartialFacts) => void = () => {},
): Promise<ReleaseFacts> {
  const hasReadme = model.siblings.includes("README.md");
  const base = `${webBase(upstream)}/${model.id}`;
  const [card, refs, datasets, evalDatasets] = await Promise.all([
    hasReadme ? sourced("hf", `${base}/raw/main/README.md`, () => getModelCard(upstream, { id: model.id })) : Promise.resolve(null),
    sourced("hf", `${base}/refs`, () => getModelRefs(upstream, { id: model.id })),
    Promise.all(trainingDatasetIds(model).map((id) => datasetFacts(upstream, id, true))),
    Promise.all(evalDatasetIds(model).map((id) => datasetFacts(upstream, id, false))),
  ]);
  onRound({ facts: { model, card, refs, datasets, evalDatasets, repos: extraRepos, papers: [] }, pending: new Set(["repos", "papers"]) });
  const cardText = card?.ok ? card.value : null;
  const known = new Set(extraRepos.map((r) => r.fullName.toLowerCase()));
  const repoNames = linkedRepos([...text(card), ...datasets.flatMap((d) => text(d.card))]).filter((r) => !known.has(r.toLowerCase()));
  const [repos, papers] = await Promise.all([
    Promise.all(repoNames.map((name) => repoFacts(upstream, name))),
    Promise.all(primaryPaperIds(model, cardText).map((id) => paperFacts(upstream, id))),
  ]);
  return { model, card, refs, datasets, evalDatasets, repos: [...extraRepos, ...repos], papers };
}

/** A GitHub repository audited as a code release, with no model on the Hub. */
export function codeReleaseFacts(repo: RepoFacts): ReleaseFacts {
  return { model: null, card: null, refs: null, datasets: [], evalDatasets: [], repos: [repo], papers: [] };
}
