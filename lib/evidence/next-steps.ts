import type { ContentType } from "@/lib/mof";
import { isOpenLicense } from "@/lib/mof";
import type { EvidenceContext } from "./context";
import type { NextStep } from "./schema";
import type { ComponentVerdict, LicensePart } from "./verdict";

const repoList = (ctx: EvidenceContext) =>
  ctx.facts.repos.length === 0
    ? "the GitHub repositories the model card links (it links none)"
    : `the GitHub repositories the model card links: ${ctx.facts.repos.map((r) => r.url.replace(/^https?:\/\//, "")).join(", ")}`;

const code = (kind: string) => ({
  looked: repoList,
  missing: `publish the ${kind} in a public repository and link it from the model card`,
});

// where each rule looks, and what publishes a component that is missing; one row per MOF component (MOT cid)
const STEPS: Readonly<Record<number, { looked: (ctx: EvidenceContext) => string; missing: string }>> = {
  9: {
    // no repository list here: this row can settle before the repositories answer (settled.ts), and must read the same then
    looked: () => "the repository's modelling files (modeling_*.py), config.json's architectures, and the GitHub repositories the model card links",
    missing: "publish the model's code (modeling_*.py in the repository, or a linked repository), or use an architecture transformers implements",
  },
  10: { looked: () => "the files of the model repository at the audited revision", missing: "upload the final weights (safetensors) to the model repository" },
  24: {
    looked: () => "the model repository's branches and tags, and checkpoint folders in its files",
    missing: "publish intermediate checkpoints as branches or tags (step1000, …) or checkpoint folders",
  },
  13: { looked: () => "README.md of the model repository", missing: "write a model card (README.md) that describes the model, its training and its limits" },
  12: {
    looked: () => "the model card's `model-index` and its sections, for a results table",
    missing: "add the evaluation results as a table in the model card, or as `model-index` in its front matter",
  },
  14: {
    looked: () => "the cards of the training datasets, and a training-data section in the model card",
    missing: "describe the training data in a data card (the dataset repository's README) or a training-data section of the model card",
  },
  15: {
    looked: () => "`datasets:` in the model card's front matter, the Hub's `dataset:` tags, and Hub dataset links in the card",
    missing: "add `datasets:` to the model card's front matter, naming the training datasets published on the Hub",
  },
  11: {
    looked: () => "arXiv links and citations in the model card, and the Hub's `arxiv:` tags",
    missing: "publish the technical report (on arXiv, say) and cite it in the model card",
  },
  21: {
    looked: () => "arXiv links and citations in the model card, and the Hub's `arxiv:` tags",
    missing: "publish the research paper (on arXiv, say) and cite it in the model card",
  },
  7: code("training code"),
  16: code("data-preprocessing code"),
  18: code("evaluation scripts"),
  8: {
    looked: () => "transformers support for the architecture, the repository's own modelling code, and the GitHub repositories the model card links",
    missing: "publish inference code (or use an architecture transformers implements) and link it from the model card",
  },
  19: {
    looked: () => "the datasets named in the model card's `model-index` results",
    missing: "name the evaluation datasets (their Hub ids) in the `model-index` results of the model card",
  },
  22: {
    looked: (ctx) => `${repoList(ctx)}, for an installable package`,
    missing: "publish the supporting libraries as an installable package and link its repository",
  },
  20: {
    looked: () => "`widget:` examples in the model card and an examples section",
    missing: "add sample outputs: `widget:` examples in the front matter or an examples section",
  },
  17: { looked: () => "configuration files of the model repository", missing: "publish config.json (and generation_config.json) with the weights" },
};

const OPEN_CHOICE: Record<ContentType, string> = {
  code: "an open source licence such as Apache-2.0 or MIT",
  data: "an open data licence such as CDLA-Permissive-2.0 or CC-BY-4.0",
  document: "an open content licence such as CC-BY-4.0",
};

const repoName = (url: string) => url.replace(/^https?:\/\/github\.com\//, "").replace(/#license$/, "");
const datasetName = (url: string) => /\/datasets\/(.+?)(\/blob\/|$)/.exec(url)?.[1] ?? url;

// what gives one part with no licence a licence, by where the licence would be read
function licenceFix(part: LicensePart, type: ContentType): string {
  switch (part.source) {
    case "github":
      return `the repository github.com/${repoName(part.url)} has no licence GitHub can detect: add a LICENSE file with ${OPEN_CHOICE[type]}`;
    case "hf-dataset":
      return part.from === "dataset repository"
        ? `${part.written}: publish the dataset on the Hub (or name its Hub id in \`datasets:\`) with an open licence`
        : `the dataset ${datasetName(part.url)} states no licence: add \`license:\` to its card's front matter (${OPEN_CHOICE.data})`;
    default:
      return `the model card states no licence: add \`license:\` to its front matter (${OPEN_CHOICE[type]})`;
  }
}

// what replaces a licence that is not open
function openFix(part: LicensePart, type: ContentType): string {
  if (part.source === "arxiv") {
    return `${part.written} (the arXiv record) is not an open licence: post the paper under CC BY 4.0`;
  }
  const where =
    part.source === "github" ? `github.com/${repoName(part.url)}` : part.source === "hf-dataset" ? `the dataset ${datasetName(part.url)}` : "the model card";
  return `${part.written} (${where}) is not an open licence: release it under ${OPEN_CHOICE[type]}`;
}

/**
 * The next step for a component that is missing, unlicensed or not openly licensed; null for one that is openly
 * licensed or could not be checked (a failed source is not the producer's to fix).
 */
export function nextStepFor(cid: number, type: ContentType, verdict: ComponentVerdict, ctx: EvidenceContext): NextStep | null {
  const step = STEPS[cid];
  if (step === undefined || verdict.state === "unknown") {
    return null;
  }
  const looked = step.looked(ctx);
  if (verdict.state === "missing") {
    const imageOnly = verdict.notes?.some((n) => n.what.startsWith("results shown as an image only"));
    return { looked, fix: imageOnly ? `the results are shown only as an image: ${step.missing}` : step.missing };
  }
  const notOpen = verdict.licenses.filter((l) => l.id !== null && !isOpenLicense(l.id));
  const unlicensed = verdict.licenses.filter((l) => l.id === null);
  if (verdict.licenses.length === 0) {
    return { looked, fix: `no licence applies to what was found: state one (${OPEN_CHOICE[type]})` };
  }
  if (notOpen.length === 0 && unlicensed.length === 0) {
    return null;
  }
  const fixes = [...notOpen.map((p) => openFix(p, type)), ...unlicensed.map((p) => licenceFix(p, type))];
  return { looked, fix: [...new Set(fixes)].join("; ") };
}
