import { createHash } from "node:crypto";
import { type GeneratedModels, json } from "./mock-files";

/** How many generated models the mock lists, and the seed that makes them the same every run. */
export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Organisations the models are spread over (round robin). */
  orgs?: number;
  /** The first `size` models are one family: their cards link the same GitHub repository, arXiv paper and dataset. */
  family?: { size: number; github: string; arxiv: string; dataset: string };
}

interface SyntheticModel {
  id: string;
  author: string;
  pipeline: string;
  downloads: number;
  version: number;
  family: boolean;
}

/** Generated Hub models, marked synthetic: a minimal info JSON and card, no GitHub link unless in the family. */
export interface SyntheticHub extends GeneratedModels {
  readonly ids: readonly string[];
  /** Moves the model's commit (a push on the Hub); returns the new sha. */
  moveCommit(id: string): string;
  sha(id: string): string;
}

const PIPELINES = ["text-generation", "text-classification", "image-classification"];

// a small deterministic PRNG (mulberry32), so a seed always yields the same Hub
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createSyntheticHub({ count, seed = 1, orgs = 10, family }: SyntheticOptions): SyntheticHub {
  const random = prng(seed);
  const models = new Map<string, SyntheticModel>();
  for (let i = 0; i < count; i++) {
    const author = `synthetic-org-${i % orgs}`;
    const id = `${author}/gen-model-${String(i).padStart(5, "0")}`;
    models.set(id.toLowerCase(), {
      id,
      author,
      pipeline: PIPELINES[i % PIPELINES.length] ?? "text-generation",
      downloads: Math.floor(random() * 1e6),
      version: 0,
      family: i < (family?.size ?? 0),
    });
  }
  const ordered = [...models.values()];
  const shaOf = (m: SyntheticModel) => createHash("sha1").update(`${seed}:${m.id}:${m.version}`).digest("hex");
  const lastModified = (m: SyntheticModel) => new Date(Date.UTC(2026, 0, 1) + m.version * 86_400_000).toISOString();
  const get = (id: string) => models.get(id.toLowerCase()) ?? null;
  const must = (id: string) => {
    const model = get(id);
    if (model === null) {
      throw new Error(`${id} is not a synthetic model`);
    }
    return model;
  };
  const entry = (m: SyntheticModel) => ({
    _id: createHash("sha1").update(m.id).digest("hex").slice(0, 24),
    id: m.id,
    author: m.author,
    private: false,
    gated: false,
    pipeline_tag: m.pipeline,
    downloads: m.downloads,
    likes: 0,
    lastModified: lastModified(m),
    sha: shaOf(m),
  });

  return {
    ids: ordered.map((m) => m.id),
    moveCommit(id) {
      const model = must(id);
      model.version++;
      return shaOf(model);
    },
    sha: (id) => shaOf(must(id)),
    list(params, url) {
      const author = params.get("author")?.toLowerCase();
      const search = params.get("search")?.toLowerCase();
      const pipeline = params.get("pipeline_tag");
      let matches = ordered.filter(
        (m) => (!author || m.author.toLowerCase() === author) && (!search || m.id.toLowerCase().includes(search)) && (!pipeline || m.pipeline === pipeline),
      );
      if (params.get("sort") === "downloads") {
        matches = [...matches].sort((a, b) => b.downloads - a.downloads);
      }
      const limit = Math.min(Number(params.get("limit") ?? "1000") || 1000, 1000);
      const cursor = Number(params.get("cursor") ?? "0") || 0;
      const page = matches.slice(cursor, cursor + limit).map(entry);
      const headers: Record<string, string> = {};
      if (cursor + limit < matches.length) {
        const next = new URL(url.href);
        next.searchParams.set("cursor", String(cursor + limit));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return json(200, page, headers);
    },
    api(id, route) {
      const model = get(id);
      if (model === null) {
        return null;
      }
      if (route === "refs") {
        return json(200, { branches: [{ name: "main", ref: "refs/heads/main", targetCommit: shaOf(model) }], tags: [], converts: [] });
      }
      if (route !== undefined && route !== "revision") {
        return json(404, { error: "Sorry, we can't find the page you are looking for." });
      }
      return json(200, {
        ...entry(model),
        modelId: model.id,
        library_name: "transformers",
        tags: ["transformers", "synthetic", "license:apache-2.0", ...(model.family && family ? [`arxiv:${family.arxiv}`] : [])],
        cardData: { license: "apache-2.0", tags: ["synthetic"], ...(model.family && family ? { datasets: [family.dataset] } : {}) },
        siblings: [{ rfilename: "README.md" }, { rfilename: "config.json" }],
        createdAt: "2026-01-01T00:00:00.000Z",
        config: { architectures: ["SyntheticForCausalLM"], model_type: "synthetic" },
      });
    },
    file(id, path) {
      const model = get(id);
      if (model === null) {
        return null;
      }
      if (path !== "README.md") {
        return json(404, { error: "Entry not found" }, { "x-error-code": "EntryNotFound" });
      }
      const links = model.family && family ? `\nTrained with https://github.com/${family.github}; described in https://arxiv.org/abs/${family.arxiv}.\n` : "";
      const card = `---\nlicense: apache-2.0\ntags: [synthetic]\n---\n# ${model.id}\n\nSynthetic model generated by the mofscope test mock (seed ${seed}, commit ${model.version}); not a real release.\n${links}`;
      return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: card };
    },
  };
}
