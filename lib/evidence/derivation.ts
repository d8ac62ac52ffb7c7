import type { HfModel } from "./upstream-facts";

/** How a repository derives from another: the Hub's `base_model_relation` values. */
export type DerivationKind = "quantized" | "adapter" | "merge" | "finetune";

/** The base model(s) a derivative names, and how it derives from them. */
export interface Derivation {
  readonly kind: DerivationKind;
  /** Hub ids of the base models, the first the one the report links. */
  readonly bases: readonly string[];
  /** Where the base was read: card `base_model`, the Hub's `base_model:` tags or `adapter_config.json`. */
  readonly from: string;
}

const KINDS = new Set<string>(["quantized", "adapter", "merge", "finetune"]);
const HF_ID = /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/;
// formats a quantised repository ships its weights in, as file suffixes and as the Hub's tags or library names
const QUANTIZED_FILE = /\.(gguf|ggml)$|(^|\/)(quantize_config\.json|quant_config\.json)$/i;
const QUANTIZED_TAG = new Set(["gguf", "gptq", "awq", "mlx", "exl2", "bitsandbytes", "4-bit", "8-bit"]);
const MERGE_TAG = new Set(["merge", "mergekit"]);

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && HF_ID.test(v.trim()) && !v.includes("..")).map((v) => v.trim());

/** Reads `base_model_name_or_path` from an adapter's `adapter_config.json`; null when it names no Hub model. */
export function adapterBase(configText: string): string | null {
  try {
    const parsed: unknown = JSON.parse(configText);
    const base = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).base_model_name_or_path : undefined;
    return ids(base)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the repository derives from another model, and which: from the card's `base_model` (and
 * `base_model_relation`), the Hub's `base_model:<relation>:<id>` tags, or an adapter's config; the kind falls back on
 * what the files show (an adapter config, GGUF/GPTQ/AWQ/MLX weights, several bases for a merge).
 */
export function derivationOf(model: HfModel, adapterConfig: string | null): Derivation | null {
  const card = model.cardData ?? {};
  const tagged = model.tags.filter((t) => t.startsWith("base_model:")).map((t) => t.slice("base_model:".length).split(":"));
  const tagBases = tagged.map((parts) => parts.at(-1) ?? "").filter((id) => HF_ID.test(id));
  const tagKind = tagged.find((parts) => parts.length === 2 && KINDS.has(parts[0] ?? ""))?.[0];
  const fromConfig = adapterConfig === null ? null : adapterBase(adapterConfig);
  const cardBases = ids(card.base_model);
  const bases = [...new Set([...cardBases, ...tagBases, ...(fromConfig ? [fromConfig] : [])])];
  if (bases.length === 0) {
    return null;
  }
  const from = cardBases.length > 0 ? "model card `base_model`" : tagBases.length > 0 ? "the Hub's `base_model` tags" : "adapter_config.json";
  const files = model.siblings;
  const relation = typeof card.base_model_relation === "string" && KINDS.has(card.base_model_relation) ? card.base_model_relation : tagKind;
  const kind: DerivationKind =
    (relation as DerivationKind | undefined) ??
    (files.some((f) => /(^|\/)adapter_config\.json$/.test(f))
      ? "adapter"
      : files.some((f) => QUANTIZED_FILE.test(f)) || model.tags.some((t) => QUANTIZED_TAG.has(t.toLowerCase())) || model.libraryName === "mlx"
        ? "quantized"
        : bases.length > 1 || model.tags.some((t) => MERGE_TAG.has(t.toLowerCase()))
          ? "merge"
          : "finetune");
  return { kind, bases, from };
}
