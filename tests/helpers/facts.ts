import type { ReleaseFacts, RepoFacts, Sourced, SourceFailure } from "@/lib/evidence/facts";
import type { GithubRepo, HfModel } from "@/lib/evidence/upstream-facts";

export const ok = <T>(value: T): Sourced<T> => ({ ok: true, value });
export const failed = (kind: SourceFailure["kind"], source: SourceFailure["source"] = "hf"): Sourced<never> => ({
  ok: false,
  failure: { source, kind, url: `https://example.test/${kind}`, message: `GET https://example.test/${kind} failed (${kind})` },
});

/** A synthetic Hub model; every fact a test does not set is absent. */
export function makeModel(overrides: Partial<HfModel> = {}): HfModel {
  return {
    id: "acme/tiny",
    sha: "0123456789abcdef0123456789abcdef01234567",
    gated: false,
    private: false,
    libraryName: null,
    pipelineTag: null,
    tags: [],
    cardData: { license: "apache-2.0" },
    config: null,
    siblings: ["README.md"],
    modelIndex: null,
    createdAt: null,
    lastModified: null,
    url: "https://huggingface.co/acme/tiny",
    ...overrides,
  };
}

export function makeRepo(fullName: string, paths: string[], license: GithubRepo["license"] = { key: "mit", spdxId: "MIT", name: "MIT License" }): RepoFacts {
  return {
    fullName,
    url: `https://github.com/${fullName}`,
    repo: ok({
      fullName,
      htmlUrl: `https://github.com/${fullName}`,
      defaultBranch: "main",
      description: null,
      archived: false,
      fork: false,
      topics: [],
      license,
    }),
    tree: ok({ paths, truncated: false }),
    readme: ok(""),
  };
}

export function makeFacts(overrides: Partial<ReleaseFacts> = {}): ReleaseFacts {
  return {
    model: makeModel(),
    card: null,
    refs: ok({ branches: [{ name: "main", targetCommit: "x" }], tags: [] }),
    datasets: [],
    evalDatasets: [],
    repos: [],
    papers: [],
    ...overrides,
  };
}

export const LONG_CARD = `---\nlicense: apache-2.0\n---\n# Tiny\n\n${"This model card describes a tiny model in enough words to count as real content. ".repeat(4)}\n`;
