import type { HfModel } from "@/lib/evidence/upstream-facts";

// base_model:<id>, or base_model:<relation>:<id> with relation finetune, adapter, quantized or merge
const TAG = /^base_model:(?:(?:finetune|adapter|quantized|merge):)?([\w.-]+\/[\w.-]+)$/;

/** The Hugging Face models a model says it derives from: `base_model` tags and card metadata, de-duplicated. */
export function baseModelsOf(model: Pick<HfModel, "tags" | "cardData">): string[] {
  const fromTags = model.tags.flatMap((t) => TAG.exec(t)?.[1] ?? []);
  const card = model.cardData?.base_model;
  const fromCard = (Array.isArray(card) ? card : [card])
    .filter((v): v is string => typeof v === "string" && /^[\w.-]+\/[\w.-]+$/.test(v.trim()))
    .map((v) => v.trim());
  const seen = new Map<string, string>();
  for (const id of [...fromTags, ...fromCard]) {
    if (!seen.has(id.toLowerCase())) {
      seen.set(id.toLowerCase(), id);
    }
  }
  return [...seen.values()];
}
