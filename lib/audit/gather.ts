import type { DatasetFacts, PaperFacts, ReleaseFacts, RepoFacts, Sourced } from "@/lib/evidence/facts";
import type { FactKey, PartialFacts } from "@/lib/evidence/settled";
import type { HfModel, HfRefs } from "@/lib/evidence/upstream-facts";
import { getPaperLicense } from "@/lib/fetchers/arxiv";
import { getReadme, getRepo, getTree } from "@/lib/fetchers/github";
import { getDatasetCard, getDatasetInfo, getModelCard, getModelRefs } from "@/lib/fetchers/hf";
import type { Upstream } from "@/lib/fetchers/upstream";
import { evalDatasetIds, linkedDatasetIds, linkedRepos, primaryPaperIds, trainingDatasetIds } from "./links";
import { sourced } from "./sourced";

/**
 * Where each fact of a model release comes from: the Hub for a published model (`hubSource`), or a release folder
 * on disk that asks the upstreams only for what the card links (`folderSource` in folder.ts).
 */
export interface FactSource {
  card(model: HfModel): Promise<Sourced<string> | null>;
  refs(model: HfModel): Promise<Sourced<HfRefs> | null>;
  dataset(id: string, withCard: boolean): Promise<DatasetFacts>;
  repo(fullName: string): Promise<RepoFacts>;
  paper(id: string): Promise<PaperFacts>;
}

function webBase(upstream: Upstream): string {
  return upstream.config.hfEndpoint;
}

/** A dataset as the card names it; a moved or legacy id is followed (the Hub redirects) and shown under its current name. */
async function datasetFacts(upstream: Upstream, named: string, withCard: boolean): Promise<DatasetFacts> {
  const asked = `${webBase(upstream)}/datasets/${named}`;
  const [info, card] = await Promise.all([
    sourced("hf", asked, () => getDatasetInfo(upstream, { id: named })),
    withCard ? sourced("hf", `${asked}/raw/main/README.md`, () => getDatasetCard(upstream, { id: named })) : Promise.resolve(null),
  ]);
  const id = info.ok ? info.value.id : named;
  return { id, url: info.ok ? info.value.url : asked, info, card, ...(id !== named ? { namedAs: named } : {}) };
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
  const current = meta.ok ? meta.value.fullName : fullName;
  return { fullName: current, url, repo: meta, tree, readme, ...(current.toLowerCase() !== fullName.toLowerCase() ? { namedAs: fullName } : {}) };
}

async function paperFacts(upstream: Upstream, id: string): Promise<PaperFacts> {
  const url = `https://arxiv.org/abs/${id}`;
  return { id, url, paper: await sourced("arxiv", url, () => getPaperLicense(upstream, { id })) };
}

/** Every fact from the upstreams: the Hub model's card and refs, the datasets, repositories and papers it names. */
export function hubSource(upstream: Upstream): FactSource {
  return {
    card: (model) => {
      const url = `${webBase(upstream)}/${model.id}/raw/main/README.md`;
      return model.siblings.includes("README.md") ? sourced("hf", url, () => getModelCard(upstream, { id: model.id })) : Promise.resolve(null);
    },
    refs: (model) => sourced("hf", `${webBase(upstream)}/${model.id}/refs`, () => getModelRefs(upstream, { id: model.id })),
    dataset: (id, withCard) => datasetFacts(upstream, id, withCard),
    repo: (fullName) => repoFacts(upstream, fullName),
    paper: (id) => paperFacts(upstream, id),
  };
}

const text = (s: Sourced<string> | null | undefined): string[] => (s?.ok ? [s.value] : []);

// a card may link a repository under its old name and its new one: after GitHub's redirect they are one repository
function onePerRepository(repos: readonly RepoFacts[]): RepoFacts[] {
  const seen = new Set<string>();
  return repos.filter((r) => !seen.has(r.fullName.toLowerCase()) && seen.add(r.fullName.toLowerCase()));
}

/** What is known once the model info has answered: the model alone, everything else on its way. */
export function modelRoundFacts(model: HfModel, extraRepos: readonly RepoFacts[]): PartialFacts {
  return {
    facts: { model, card: null, refs: null, datasets: [], evalDatasets: [], repos: extraRepos, papers: [] },
    pending: new Set(["card", "refs", "datasets", "evalDatasets", "repos", "papers"]),
  };
}

export interface GatherOptions {
  /** Repositories already known to be the release's code (audited first, or named by the producer). */
  readonly extraRepos?: readonly RepoFacts[];
  /** The paper the producer names, in place of the one the card cites. */
  readonly paper?: string | null;
  readonly onRound?: (partial: PartialFacts) => void;
}

/**
 * Everything the evidence rules need about a model release, in the two rounds that follow the model info: card,
 * refs and datasets first (reported to `onRound`); then the repositories and the paper the cards name.
 */
export async function gatherModelFacts(source: FactSource, model: HfModel, options: GatherOptions = {}): Promise<ReleaseFacts> {
  const extraRepos = options.extraRepos ?? [];
  const readDatasets = (ids: readonly string[]) => Promise.all(ids.map((id) => source.dataset(id, true)));
  const cardP = source.card(model);
  const namedP = readDatasets(trainingDatasetIds(model));
  const refsP = source.refs(model);
  const evalP = Promise.all(evalDatasetIds(model).map((id) => source.dataset(id, false)));
  // the next round needs only the cards, so it starts as soon as they answer, not when refs or evaluation data do
  const nextRound = Promise.all([cardP, namedP]).then(([card, named]) => {
    const cardText = card?.ok ? card.value : null;
    // datasets only the card body links are read with the repositories
    const linked = named.length === 0 && cardText !== null ? linkedDatasetIds(cardText) : [];
    const known = new Set(extraRepos.map((r) => r.fullName.toLowerCase()));
    const repoNames = linkedRepos([...text(card), ...named.flatMap((d) => text(d.card))]).filter((r) => !known.has(r.toLowerCase()));
    const paperIds = options.paper ? [options.paper] : primaryPaperIds(model, cardText);
    const facts = Promise.all([
      Promise.all(repoNames.map((name) => source.repo(name))),
      Promise.all(paperIds.map((id) => source.paper(id))),
      linked.length > 0 ? readDatasets(linked) : Promise.resolve(named),
    ]);
    return { linked: linked.length > 0, facts };
  });
  const [card, refs, named, evalDatasets, next] = await Promise.all([cardP, refsP, namedP, evalP, nextRound]);
  const pending: FactKey[] = next.linked ? ["datasets", "repos", "papers"] : ["repos", "papers"];
  options.onRound?.({ facts: { model, card, refs, datasets: named, evalDatasets, repos: extraRepos, papers: [] }, pending: new Set(pending) });
  const [repos, papers, datasets] = await next.facts;
  return { model, card, refs, datasets, evalDatasets, repos: onePerRepository([...extraRepos, ...repos]), papers };
}

/** A GitHub repository audited as a code release, with no model on the Hub. */
export function codeReleaseFacts(repo: RepoFacts): ReleaseFacts {
  return { model: null, card: null, refs: null, datasets: [], evalDatasets: [], repos: [repo], papers: [] };
}
