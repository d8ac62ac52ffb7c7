/** Output types of lib/fetchers: camelCase, validated, and stable for lib/evidence. */

export type HfGated = false | "auto" | "manual";

export interface HfModel {
  id: string;
  sha: string | null;
  gated: HfGated;
  private: boolean;
  libraryName: string | null;
  pipelineTag: string | null;
  tags: string[];
  cardData: Record<string, unknown> | null;
  config: { architectures: string[]; modelType: string | null } | null;
  /** File paths on the revision, from the API's `siblings`. */
  siblings: string[];
  modelIndex: unknown;
  createdAt: string | null;
  lastModified: string | null;
  /** Web page of the model, built from HF_ENDPOINT; for a release folder, its `file:` URL. */
  url: string;
  /** Set when the facts come from a release folder not yet published: the repository's path in it ("" for the model). */
  folderPath?: string;
}

export interface HfRef {
  name: string;
  targetCommit: string;
}

export interface HfRefs {
  branches: HfRef[];
  tags: HfRef[];
}

export interface HfTreeEntry {
  path: string;
  type: "file" | "directory";
  size: number;
}

export interface HfDataset {
  id: string;
  sha: string | null;
  gated: HfGated;
  private: boolean;
  tags: string[];
  cardData: Record<string, unknown> | null;
  description: string | null;
  url: string;
  /** Set when the dataset card was read from the release folder: the dataset's folder in it. */
  folderPath?: string;
}

export interface GithubLicense {
  key: string;
  spdxId: string | null;
  name: string;
}

export interface GithubRepo {
  fullName: string;
  htmlUrl: string;
  defaultBranch: string;
  description: string | null;
  archived: boolean;
  fork: boolean;
  topics: string[];
  license: GithubLicense | null;
}

export interface GithubTree {
  /** Paths of files (blobs) only; directories are implied by them. */
  paths: string[];
  truncated: boolean;
}

export interface ArxivPaper {
  id: string;
  title: string | null;
  /** null means the record has no <license> element (arXiv's assumed non-exclusive licence). */
  licenseUrl: string | null;
  url: string;
}
