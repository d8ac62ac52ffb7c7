import type { CardSection, CardTable } from "../card-document";
import type { EvidenceContext } from "../context";
import { sectionsMatching } from "../context";
import { modelIndexResults } from "../model-index";
import type { ComponentVerdict } from "../verdict";
import { found, missing, missingWith } from "../verdict";
import { datasetCards } from "./datasets";

const EVALUATION_HEADING = /evaluat|benchmark|results|performance|metrics|leaderboard/i;
// a results table under any heading gives itself away by the benchmarks it names, in its header or first column
const BENCHMARK =
  /\b(ARC|HellaSwag|MMLU|MMLU-Pro|WinoGrande|WinoGrade|PIQA|GSM-?8K|HumanEval|MBPP|TruthfulQA|BoolQ|LAMBADA|OpenBookQA|SciQ|BBH|MATH|GPQA|IFEval|MT-?Bench|AlpacaEval|WER|BLEU|ROUGE|FID|CLIP ?score|ImageNet|COCO|LibriSpeech|accuracy|perplexity)\b/i;
const TRAINING_DATA_HEADING = /data|corpus|corpora|mix/i;
const EXAMPLES_HEADING = /example|sample|demo|output/i;

function cardUnreadable(ctx: EvidenceContext): ComponentVerdict {
  return missing(ctx.cardFailure ? [ctx.cardFailure] : []);
}

const namesBenchmarks = (table: CardTable) => table.rows > 0 && [...table.header, ...table.firstColumn].some((cell) => BENCHMARK.test(cell));

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

const tableKind = (section: CardSection) => (section.tables.some((t) => t.header.length > 0 && t.rows > 0) ? "results table" : "table");

/**
 * Evaluation results: `model-index` results, or a table (Markdown or HTML) under an evaluation heading, or a table
 * anywhere that names benchmarks. Results shown only as images are not machine-readable: still missing, but noted.
 */
export function evaluationResults(ctx: EvidenceContext): ComponentVerdict {
  const results = modelIndexResults(ctx.model?.modelIndex ?? ctx.model?.cardData?.["model-index"]).length;
  if (results > 0) {
    return found([{ source: "hf", url: ctx.fileUrl("README.md"), what: `model-index: ${results} result${results === 1 ? "" : "s"}` }], ctx.modelLicense);
  }
  const underHeading = sectionsMatching(ctx, EVALUATION_HEADING);
  const tables = [
    ...underHeading.filter(({ section }) => section.tables.length > 0),
    // the innermost section holding a benchmark table is the one to link
    ...sectionsMatching(ctx, /^/)
      .filter(({ section }) => section.tables.some(namesBenchmarks))
      .sort((a, b) => b.section.depth - a.section.depth),
  ];
  if (tables[0]) {
    const { section, url } = tables[0];
    const where = section.heading === "" ? "at the top of the card" : `under "${section.heading}"`;
    return found([{ source: "hf", url, what: `${tableKind(section)} ${where}` }], ctx.modelLicense);
  }
  const images = underHeading.flatMap(({ section, url }) => section.images.map((image) => ({ image, section, url })));
  if (images[0]) {
    const { image, section } = images[0];
    return missingWith(
      [{ source: "hf", url: absoluteImage(image.url, ctx), what: `results shown as an image only, under "${section.heading}"` }],
      ctx.cardFailure ? [ctx.cardFailure] : [],
    );
  }
  return cardUnreadable(ctx);
}

// card images are often repository-relative ("assets/eval.png"): resolve them against the audited revision
function absoluteImage(url: string, ctx: EvidenceContext): string {
  return /^https?:\/\//i.test(url) ? url : ctx.fileUrl(url.replace(/^\.?\//, ""));
}

/** Data card: each training dataset's card, else a training-data section in the model card. */
export function dataCard(ctx: EvidenceContext): ComponentVerdict {
  const fromDatasets = datasetCards(ctx);
  if (fromDatasets.state !== "missing") {
    return fromDatasets;
  }
  // measured on the source, so a short sentence that links the data (a URL) still counts as describing it
  const section = sectionsMatching(ctx, TRAINING_DATA_HEADING).find(({ section: s }) => s.body.replace(/\s+/g, " ").trim().length >= 80);
  if (section) {
    return found([{ source: "hf", url: section.url, what: `training data described under "${section.section.heading}"` }], ctx.modelLicense);
  }
  return cardUnreadable(ctx);
}

/** Sample model outputs (optional): widget examples in the card data, or an examples section with code blocks. */
export function sampleOutputs(ctx: EvidenceContext): ComponentVerdict {
  const widget = ctx.model?.cardData?.widget;
  if (Array.isArray(widget) && widget.length > 0) {
    return found(
      [{ source: "hf", url: ctx.fileUrl("README.md"), what: `${widget.length} widget example${widget.length === 1 ? "" : "s"} in the card` }],
      ctx.modelLicense,
    );
  }
  const section = sectionsMatching(ctx, EXAMPLES_HEADING).find(({ section: s }) => s.codeBlocks > 0);
  if (section) {
    return found([{ source: "hf", url: section.url, what: `examples under "${section.section.heading}"` }], ctx.modelLicense);
  }
  return cardUnreadable(ctx);
}
