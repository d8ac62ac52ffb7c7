import type { DerivedFrom } from "./schema";

const KIND_TEXT: Record<DerivedFrom["kind"], string> = {
  quantized: "a quantised copy of",
  adapter: "an adapter on",
  merge: "a merge of",
  finetune: "a fine-tune of",
};

/** "A quantised copy of org/base (model card `base_model`)": the derivation in words, for the page, Markdown and CLI. */
export function derivationSentence(d: DerivedFrom): string {
  return `This repository is ${KIND_TEXT[d.kind]} ${d.base} (read from ${d.from}); it is graded on what it publishes itself.`;
}

/** What only the base publishes, in words; null when the base could not be audited. */
export function onlyInBaseSentence(d: DerivedFrom): string | null {
  if (d.onlyInBase === null) {
    return null;
  }
  return d.onlyInBase.length === 0 ? `${d.base} publishes nothing this repository lacks.` : `Only ${d.base} publishes: ${d.onlyInBase.join(", ")}.`;
}
