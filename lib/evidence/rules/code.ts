import type { EvidenceContext } from "../context";
import { pageLink } from "../links";
import type { ComponentVerdict } from "../verdict";
import { found, missing } from "../verdict";
import { hasCustomArchitecture, isStockTransformers, transformersLicense } from "./model-files";
import { codeInRepos, repoLicense } from "./repo-code";

export const trainingCode = (ctx: EvidenceContext) => codeInRepos(ctx, "training");
export const preprocessingCode = (ctx: EvidenceContext) => codeInRepos(ctx, "preprocessing");
export const evaluationCode = (ctx: EvidenceContext) => codeInRepos(ctx, "evaluation");

/** Inference code: transformers for a stock architecture, the repo's own modelling code, or code in a linked repo. */
export function inferenceCode(ctx: EvidenceContext): ComponentVerdict {
  const model = ctx.model;
  if (model && isStockTransformers(ctx)) {
    return found(
      [{ source: "hf", url: pageLink(model), what: `library_name: transformers (stock ${model.config?.architectures[0] ?? "architecture"})` }],
      [transformersLicense()],
    );
  }
  if (model && hasCustomArchitecture(ctx) && model.libraryName === "transformers") {
    return found([{ source: "hf", url: pageLink(model), what: "transformers with the repository's own modelling code" }], ctx.modelLicense);
  }
  return codeInRepos(ctx, "inference");
}

const PACKAGE_FILE = /^(setup\.py|pyproject\.toml|setup\.cfg|Cargo\.toml|package\.json)$/;

/** Supporting libraries and tools (optional): installable packages among the linked repositories. */
export function supportingLibraries(ctx: EvidenceContext): ComponentVerdict {
  const packages = ctx.facts.repos.filter((r) => r.tree.ok && r.tree.value.paths.some((p) => PACKAGE_FILE.test(p)));
  if (packages.length === 0) {
    return missing(ctx.facts.repos.flatMap((r) => [r.repo, r.tree].flatMap((x) => (x.ok ? [] : [x.failure]))));
  }
  return found(
    packages.map((r) => ({ source: "github" as const, url: r.url, what: `${r.fullName}, an installable package` })),
    packages.map(repoLicense),
  );
}
