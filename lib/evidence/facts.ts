import type { ArxivPaper, GithubRepo, GithubTree, HfDataset, HfModel, HfRefs } from "./upstream-facts";

/** Why an upstream request gave no answer; the fetchers' typed failures carry one of these (`offline`: not asked, by choice). */
export const fetchFailureKinds = ["not_found", "gated", "rate_limited", "upstream_error", "timeout", "invalid_response", "offline"] as const;

export type FetchFailureKind = (typeof fetchFailureKinds)[number];

export type UpstreamName = "hf" | "github" | "arxiv";

/** A failed upstream request, kept so the report can name it and the components it left unknown. */
export interface SourceFailure {
  readonly source: UpstreamName;
  readonly kind: FetchFailureKind;
  readonly url: string;
  readonly message: string;
  /** How long the upstream asked us to wait, when it rate-limited. */
  readonly retryAfterSeconds?: number;
}

/** The answer of one upstream request: its value, or why there is none. */
export type Sourced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: SourceFailure };

export interface DatasetFacts {
  /** The dataset's current id (after the Hub's redirect of a legacy or moved id). */
  readonly id: string;
  readonly url: string;
  /** The id the card wrote, when the Hub now serves the dataset under another. */
  readonly namedAs?: string;
  readonly info: Sourced<HfDataset>;
  readonly card: Sourced<string> | null;
}

export interface RepoFacts {
  /** The repository's current `owner/name` (after GitHub's redirect of a renamed or transferred one). */
  readonly fullName: string;
  /** The name the card linked, when GitHub now serves the repository under another. */
  readonly namedAs?: string;
  readonly url: string;
  readonly repo: Sourced<GithubRepo>;
  readonly tree: Sourced<GithubTree>;
  readonly readme: Sourced<string>;
}

export interface PaperFacts {
  readonly id: string;
  readonly url: string;
  readonly paper: Sourced<ArxivPaper>;
}

/** Everything fetched about one release; the evidence rules are pure functions of it. */
export interface ReleaseFacts {
  /** Null when a GitHub repository is audited as a code release with no model on the Hub. */
  readonly model: HfModel | null;
  /** The model card text; null when the repository has no README. */
  readonly card: Sourced<string> | null;
  readonly refs: Sourced<HfRefs> | null;
  /** Training datasets the card names. */
  readonly datasets: readonly DatasetFacts[];
  /** Datasets named in the card's `model-index` results. */
  readonly evalDatasets: readonly DatasetFacts[];
  readonly repos: readonly RepoFacts[];
  /** Papers the card cites, the model's own paper first. */
  readonly papers: readonly PaperFacts[];
}
