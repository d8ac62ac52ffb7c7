import { hasTable } from "../card-text";
import type { EvidenceContext } from "../context";
import { sectionsMatching } from "../context";
import { modelIndexResults } from "../model-index";
import type { ComponentVerdict } from "../verdict";
import { found, missing } from "../verdict";
import { datasetCards } from "./datasets";

const EVALUATION_HEADING = /evaluat|benchmark|results|performance|metrics/i;
// a results table under any heading gives itself away by the benchmarks in its header
const BENCHMARK_TABLE =
  /^\s*\|.*\b(ARC|HellaSwag|MMLU|WinoGrande|WinoGrade|PIQA|GSM8K|HumanEval|MBPP|TruthfulQA|BoolQ|LAMBADA|OpenBookQA|SciQ|BBH|MATH|accuracy)\b.*\|\s*$/im;
const TRAINING_DATA_HEADING = /data|corpus|corpora|mix/i;
const EXAMPLES_HEADING = /example|sample|demo|output/i;

function cardUnreadable(ctx: EvidenceContext): ComponentVerdict {
  return missing(ctx.cardFailure ? [ctx.cardFailure] : []);
}

/** Model card: a README with real content; for a gated repo, the card metadata the API shows. */
export function modelCard(ctx: EvidenceContext): ComponentVerdict {
  const model = ctx.model;
  if (model === null) {
    return missing();
  }
  if (ctx.card !== null) {
    return found([{ source: "hf", url: ctx.fileUrl("README.md"), what: "README.md with a written model card" }], ctx.modelLicense);
  }
  if (ctx.cardFailure?.kind === "gated" && model.cardData && Object.keys(model.cardData).length > 0) {
    return found([{ source: "hf", url: model.url, what: "model card metadata (the README itself is gated)" }], ctx.modelLicense);
  }
  return cardUnreadable(ctx);
}

/** Evaluation results: `model-index` results, or an evaluation section with a table in the card. */
export function evaluationResults(ctx: EvidenceContext): ComponentVerdict {
  const results = modelIndexResults(ctx.model?.modelIndex ?? ctx.model?.cardData?.["model-index"]).length;
  if (results > 0) {
    return found([{ source: "hf", url: ctx.fileUrl("README.md"), what: `model-index: ${results} result${results === 1 ? "" : "s"}` }], ctx.modelLicense);
  }
  const tables = [
    ...sectionsMatching(ctx, EVALUATION_HEADING).filter(({ section }) => hasTable(section.body)),
    ...sectionsMatching(ctx, /./).filter(({ section }) => hasTable(section.body) && BENCHMARK_TABLE.test(section.body)),
  ];
  if (tables[0]) {
    return found([{ source: "hf", url: tables[0].url, what: `results table under "${tables[0].section.heading}"` }], ctx.modelLicense);
  }
  return cardUnreadable(ctx);
}

/** Data card: each training dataset's card, else a training-data section in the model card. */
export function dataCard(ctx: EvidenceContext): ComponentVerdict {
  const fromDatasets = datasetCards(ctx);
  if (fromDatasets.state !== "missing") {
    return fromDatasets;
  }
  const section = sectionsMatching(ctx, TRAINING_DATA_HEADING).find(({ section: s }) => s.body.replace(/\s+/g, " ").trim().length >= 80);
  if (section) {
    return found([{ source: "hf", url: section.url, what: `training data described under "${section.section.heading}"` }], ctx.modelLicense);
  }
  return cardUnreadable(ctx);
}

/** Sample model outputs (optional): widget examples in the card data, or an examples section. */
export function sampleOutputs(ctx: EvidenceContext): ComponentVerdict {
  const widget = ctx.model?.cardData?.widget;
  if (Array.isArray(widget) && widget.length > 0) {
    return found(
      [{ source: "hf", url: ctx.fileUrl("README.md"), what: `${widget.length} widget example${widget.length === 1 ? "" : "s"} in the card` }],
      ctx.modelLicense,
    );
  }
  const section = sectionsMatching(ctx, EXAMPLES_HEADING).find(({ section: s }) => /```|<pre/.test(s.body));
  if (section) {
    return found([{ source: "hf", url: section.url, what: `examples under "${section.section.heading}"` }], ctx.modelLicense);
  }
  return cardUnreadable(ctx);
}
