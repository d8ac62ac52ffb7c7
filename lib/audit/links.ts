import { cardSections } from "@/lib/evidence/card-document";
import { arxivIds, cardBody, githubRepoLinks } from "@/lib/evidence/card-text";
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

const HF_ID = /^[\w.-]+\/[\w.-]+$/;

function stringList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

/** Training datasets: the card's `datasets` field and the Hub's `dataset:` tags, namespaced ids only. */
export function trainingDatasetIds(model: HfModel): string[] {
  const fromCard = stringList(model.cardData?.datasets ?? model.cardData?.dataset);
  const fromTags = model.tags.filter((t) => t.startsWith("dataset:")).map((t) => t.slice(8));
  return [...new Set([...fromCard, ...fromTags])].filter((id) => HF_ID.test(id)).slice(0, LIMITS.datasets);
}

/** Datasets named in `model-index` results (their `dataset.type` is a Hub id). */
export function evalDatasetIds(model: HfModel): string[] {
  const ids = modelIndexDatasets(model.modelIndex ?? model.cardData?.["model-index"]);
  return [...new Set(ids)].filter((id) => HF_ID.test(id)).slice(0, LIMITS.evalDatasets);
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
