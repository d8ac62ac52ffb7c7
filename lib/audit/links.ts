import { cardSections } from "@/lib/evidence/card-document";
import { arxivIds, cardBody, githubRepoLinks, hubDatasetLinks } from "@/lib/evidence/card-text";
import { modelIndexDatasets } from "@/lib/evidence/model-index";
import type { HfModel } from "@/lib/evidence/upstream-facts";

/** How many of each kind an audit follows, so the number of requests stays bounded. */
export const LIMITS = { datasets: 6, evalDatasets: 4, repos: 6, papers: 1 } as const;

// general-purpose libraries a card mentions in passing; they are not the release's own code
const GENERIC_REPOS = new Set([
  "huggingface/transformers",
  "huggingface/huggingface_hub",
  "huggingface/accelerate",
  "huggingface/peft",
  "pytorch/pytorch",
  "huggingface/datasets",
  "huggingface/tokenizers",
]);

// a Hub repo id: `namespace/name`, or a legacy one-segment name the Hub redirects to its current repository
const HF_ID = /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/;

function stringList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

// how cards write a dataset: an optional Hub URL, the id (legacy one-segment or namespaced), then optionally a
// subset folder, a `:config` and a `[split]`; nothing else (prose, other URLs, script) is a dataset id
const WRITTEN_DATASET =
  /^(?:https?:\/\/(?:huggingface\.co|hf\.co)\/datasets\/)?([A-Za-z0-9][\w.-]{0,95}(?:\/[A-Za-z0-9][\w.-]{0,95})?)(?:\/[\w.-]+)*(?::[\w.-]+)?(?:\[[\w.:%-]+\])?\/?$/;

/** A dataset id as a card writes it, reduced to the repository (config, split and subset dropped); null if it is none. */
export function normaliseDatasetId(written: string): string | null {
  const id = written.includes("..") ? undefined : WRITTEN_DATASET.exec(written.trim())?.[1]?.replace(/[.]+$/, "");
  return id !== undefined && HF_ID.test(id) && !id.includes("..") ? id : null;
}

function datasetIds(written: readonly string[], limit: number): string[] {
  const ids = written.flatMap((w) => normaliseDatasetId(w) ?? []);
  const seen = new Set<string>();
  return ids.filter((id) => !seen.has(id.toLowerCase()) && seen.add(id.toLowerCase())).slice(0, limit);
}

/** Training datasets the card data names: its `datasets` field and the Hub's `dataset:` tags, legacy ids included. */
export function trainingDatasetIds(model: HfModel): string[] {
  const fromCard = stringList(model.cardData?.datasets ?? model.cardData?.dataset);
  const fromTags = model.tags.filter((t) => t.startsWith("dataset:")).map((t) => t.slice(8));
  return datasetIds([...fromCard, ...fromTags], LIMITS.datasets);
}

/** Hub datasets the card body links: the training datasets when the card data names none. */
export function linkedDatasetIds(card: string): string[] {
  return datasetIds(hubDatasetLinks(cardBody(card)), LIMITS.datasets);
}

/** Datasets named in `model-index` results (their `dataset.type` is a Hub id). */
export function evalDatasetIds(model: HfModel): string[] {
  return datasetIds(modelIndexDatasets(model.modelIndex ?? model.cardData?.["model-index"]), LIMITS.evalDatasets);
}

/** GitHub repositories a card (and the dataset cards) link, the release's own first. */
export function linkedRepos(texts: readonly string[]): string[] {
  const all = texts.flatMap(githubRepoLinks).filter((r) => !GENERIC_REPOS.has(r.toLowerCase()));
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase())).slice(0, LIMITS.repos);
}

/** The model's own paper: the one its citation section cites, else the Hub's first `arxiv:` tag, else the first the card names. */
export function primaryPaperIds(model: HfModel | null, card: string | null): string[] {
  const citation =
    card === null
      ? []
      : cardSections(card)
          .filter((s) => /cit(e|ation)|bibtex|reference|paper/i.test(s.heading))
          .flatMap((s) => arxivIds(s.body));
  const tagged = (model?.tags ?? []).filter((t) => t.startsWith("arxiv:")).map((t) => t.slice(6));
  const inCard = card === null ? [] : arxivIds(cardBody(card));
  return [...new Set([...citation, ...tagged, ...inCard])].slice(0, LIMITS.papers);
}
