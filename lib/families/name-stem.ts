// what a release name adds to its family's name: sizes, variants, versions, checkpoints, dates (docs/families.md)
const DROP: readonly RegExp[] = [
  /^\d+(?:\.\d+)?[kmbt](?:v\d+(?:\.\d+)*)?$/i, // 70M, 6.9B, 8k (context), 2T (tokens), 3Bv2
  /^\d+x\d+(?:\.\d+)?[mbt]$/i, // 8x7B mixtures
  /^a\d+(?:\.\d+)?b$/i, // A2.7B active parameters
  /^(?:micro|tiny|small|medium|large|mini|nano|xl|xxl|xxxl)$/i, // size words
  /^(?:base|instruct|chat|it|hf|deduped|dedup|safe|preview|sft|dpo|rlhf|twin|coder|gguf|awq|gptq|fp8|fp16|bf16)$/i, // variants
  /^h$/i, // Granite 4.0's hybrid (Mamba) variants
  /^v\d+(?:\.\d+)+$/i, // v0.1: a revision, unlike V3, which names a generation
  /^(?:step|ckpt)[_-]?\d*$/i, // checkpoints
  /^\d{4}$/, // release dates: 2512, 1124
];

// a variant glued to the name in CamelCase: AmberChat, AmberSafe, CrystalCoder
const GLUED_VARIANT = /([a-z])(Chat|Safe|Coder|Instruct|Base)(?=$|[-_\s\d])/g;

export interface Stem {
  /** Lower-case, hyphen-joined: what family keys compare. */
  key: string;
  /** The same tokens as written, for display. */
  label: string;
}

/** The family part of a release name; a leading token equal to the producer (Meta-Llama-3) is dropped too. */
export function nameStem(name: string, producer = ""): Stem {
  const tokens = name
    .trim()
    .replace(/(\d)_(\d)/g, "$1.$2")
    .replace(GLUED_VARIANT, "$1-$2")
    .split(/[-_\s]+/)
    .filter((t) => t !== "");
  const dropped = (t: string) => DROP.some((re) => re.test(t));
  const owner = producer.trim().toLowerCase();
  // Meta-Llama-3 loses "Meta"; Mistral-7B keeps "Mistral", since what follows is only a size
  const next = tokens[1];
  const start = next !== undefined && !dropped(next) && owner !== "" && tokens[0]?.toLowerCase() === owner ? 1 : 0;
  const kept = tokens.slice(start).filter((t, i) => i === 0 || !dropped(t));
  const label = kept.join("-");
  return { key: label.toLowerCase(), label };
}
