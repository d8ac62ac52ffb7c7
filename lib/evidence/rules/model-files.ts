import type { EvidenceContext } from "../context";
import type { ComponentVerdict, LicensePart } from "../verdict";
import { found, missing } from "../verdict";
import { codeInRepos } from "./repo-code";

const WEIGHT_FILE = /\.(safetensors|bin|gguf|pt|pth|ckpt|h5|msgpack|onnx)$|\.(safetensors|bin)\.index\.json$/i;
// training state and tokenizer blobs share the weights' extensions but are not parameters
const NOT_WEIGHTS = /(^|\/)(training_args|optimizer|scheduler|rng_state[^/]*|tokenizer[^/]*)\.(bin|pt|pth)$/i;
const CHECKPOINT_REF = /(^|[-_])(step|ckpt|checkpoint|iter)[-_]?\d+|tokens\d+[bmk]?/i;
const CHECKPOINT_DIR = /^(checkpoints?|intermediate)\/|(^|\/)(step|ckpt|checkpoint|iter)[-_]?\d+\//i;
const CUSTOM_ARCHITECTURE = /(^|\/)(modeling|configuration)_[\w-]+\.py$/;
const METADATA_FILE = /(^|\/)(config\.json|generation_config\.json|training_args\.\w+|[\w-]*train[\w-]*\.(ya?ml|json))$/i;

// transformers implements every stock architecture under Apache-2.0
const TRANSFORMERS_LICENSE: LicensePart = {
  id: "Apache-2.0",
  written: "Apache-2.0 (huggingface/transformers)",
  source: "github",
  from: "transformers library licence",
  url: "https://github.com/huggingface/transformers/blob/main/LICENSE",
};

function weightFiles(ctx: EvidenceContext): string[] {
  return (ctx.model?.siblings ?? []).filter((p) => WEIGHT_FILE.test(p) && !NOT_WEIGHTS.test(p) && !CHECKPOINT_DIR.test(p));
}

function listed(paths: readonly string[], max = 3): string {
  return paths.length <= max ? paths.join(", ") : `${paths.slice(0, max).join(", ")} and ${paths.length - max} more`;
}

/** True when the Hub repo ships its own modelling code (trust_remote_code). */
export function hasCustomArchitecture(ctx: EvidenceContext): boolean {
  return (ctx.model?.siblings ?? []).some((p) => CUSTOM_ARCHITECTURE.test(p));
}

/** A stock transformers architecture: the library implements it, no custom code in the repo. */
export function isStockTransformers(ctx: EvidenceContext): boolean {
  const model = ctx.model;
  return model !== null && model.libraryName === "transformers" && (model.config?.architectures.length ?? 0) > 0 && !hasCustomArchitecture(ctx);
}

/** Model architecture: the repo's own modelling code, else transformers for a stock architecture, else code in a linked repo. */
export function modelArchitecture(ctx: EvidenceContext): ComponentVerdict {
  const model = ctx.model;
  const custom = (model?.siblings ?? []).filter((p) => CUSTOM_ARCHITECTURE.test(p));
  if (model && custom.length > 0) {
    return found([{ source: "hf", url: ctx.fileUrl(custom[0] as string), what: `custom modelling code: ${listed(custom)}` }], ctx.modelLicense);
  }
  if (model && isStockTransformers(ctx)) {
    const arch = model.config?.architectures.join(", ") ?? "";
    return found([{ source: "hf", url: ctx.fileUrl("config.json"), what: `config.json: ${arch}, implemented in transformers` }], [TRANSFORMERS_LICENSE]);
  }
  return codeInRepos(ctx, "architecture");
}

export function transformersLicense(): LicensePart {
  return TRANSFORMERS_LICENSE;
}

/** Model parameters (Final): weight files on the audited revision. */
export function finalParameters(ctx: EvidenceContext): ComponentVerdict {
  const files = weightFiles(ctx);
  if (files.length === 0) {
    return missing();
  }
  return found([{ source: "hf", url: ctx.fileUrl(files[0] as string), what: `weights: ${listed(files)}` }], ctx.modelLicense);
}

/** Model parameters (Intermediate): checkpoint branches or tags, or checkpoint folders in the repo. */
export function intermediateParameters(ctx: EvidenceContext): ComponentVerdict {
  const model = ctx.model;
  if (model === null) {
    return missing();
  }
  const folders = model.siblings.filter((p) => CHECKPOINT_DIR.test(p) && WEIGHT_FILE.test(p));
  const evidence = folders.length > 0 ? [{ source: "hf" as const, url: ctx.fileUrl(folders[0] as string), what: `checkpoint files: ${listed(folders)}` }] : [];
  const refs = ctx.facts.refs;
  if (refs?.ok) {
    const names = [...refs.value.branches, ...refs.value.tags].map((r) => r.name).filter((n) => CHECKPOINT_REF.test(n));
    if (names.length > 0) {
      evidence.unshift({
        source: "hf",
        url: `${model.url}/tree/${encodeURIComponent(names[0] as string)}`,
        what: `${names.length} checkpoint branches/tags: ${listed(names)}`,
      });
    }
  }
  if (evidence.length > 0) {
    return found(evidence, ctx.modelLicense);
  }
  return missing(refs && !refs.ok ? [refs.failure] : []);
}

/** Model metadata (optional): configuration files published with the weights. */
export function modelMetadata(ctx: EvidenceContext): ComponentVerdict {
  const files = (ctx.model?.siblings ?? []).filter((p) => METADATA_FILE.test(p));
  if (files.length === 0) {
    return missing();
  }
  return found([{ source: "hf", url: ctx.fileUrl(files[0] as string), what: `configuration: ${listed(files)}` }], ctx.modelLicense);
}

export { listed };
