import { type CardSection, cardSections } from "@/lib/evidence/card-document";
import { cardBody } from "@/lib/evidence/card-text";
import type { DatasetFacts, ReleaseFacts } from "@/lib/evidence/facts";
import { mapHfLicense } from "@/lib/evidence/license-map";
import { modelIndexMetrics, tableMetrics } from "./card-metrics";
import { firstParagraph, passageText } from "./card-passage";
import type { ModelInfo, Report } from "./schema";

// the question each card section answers, by its heading
const SECTION_HEADINGS: Record<keyof ModelInfo["sections"], RegExp> = {
  intendedUse: /intended use|^uses?\b|use cases?|direct use/i,
  limitations: /limitation/i,
  ethics: /bias|ethic|risk|safety|harm/i,
  environment: /environment|carbon|co2|emission|energy/i,
  training: /^training( procedure| details| setup| hyperparameters)?$|how .* (was|were) trained/i,
  preprocessing: /pre-?process/i,
};

const DESCRIPTION_HEADING = /description|summary|overview|about/i;

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());

function passage(sections: readonly CardSection[], heading: RegExp, pageUrl: string): ModelInfo["sections"]["intendedUse"] {
  for (const section of sections.filter((s) => heading.test(s.heading))) {
    const text = passageText(section.body);
    if (text !== null) {
      return { text, url: `${pageUrl}#${section.slug}` };
    }
  }
  return null;
}

function datasetEntry(dataset: DatasetFacts, role: "training" | "evaluation"): ModelInfo["datasets"][number] {
  const card = dataset.info.ok ? (dataset.info.value.cardData ?? {}) : {};
  const licenses = mapHfLicense(card.license, card.license_name).flatMap((l) => (l.id === null ? [] : [l.id]));
  return { id: dataset.id, url: dataset.url, role, licenses, reachable: dataset.info.ok };
}

// the first prose of a section that describes the model, else of the whole card
function summaryOf(sections: readonly CardSection[], card: string): string | null {
  const described = sections.filter((s) => DESCRIPTION_HEADING.test(s.heading)).map((s) => firstParagraph(s.body));
  return described.find((p) => p !== null) ?? firstParagraph(cardBody(card));
}

// the results table the evidence rule found, found again by the anchor its evidence links to
function resultsSection(sections: readonly CardSection[], report: Pick<Report, "components">): CardSection | undefined {
  const anchors = (report.components.find((c) => c.cid === 12)?.evidence ?? []).map((e) => e.url.split("#")[1]).filter(Boolean);
  return sections.find((s) => anchors.includes(s.slug));
}

function emissionsOf(value: unknown): string | null {
  if (typeof value === "number" || typeof value === "string") {
    return String(value);
  }
  return typeof value === "object" && value !== null && "emissions" in value ? `${String(value.emissions)} g CO2eq` : null;
}

/** The card facts a bill of materials needs, read from the audit's facts; null for a code release with no model. */
export function modelInfoOf(facts: ReleaseFacts, report: Pick<Report, "components">): ModelInfo | null {
  const model = facts.model;
  if (model === null) {
    return null;
  }
  const card = model.cardData ?? {};
  const text = facts.card?.ok ? facts.card.value : null;
  const sections = text === null ? [] : cardSections(text);
  const results = resultsSection(sections, report);
  const fromIndex = modelIndexMetrics(model.modelIndex ?? card["model-index"]);
  const metrics = fromIndex.length > 0 ? fromIndex : results ? tableMetrics(results.body, model.id.split("/")[1] ?? model.id) : [];
  return {
    task: model.pipelineTag,
    libraryName: model.libraryName,
    architectures: model.config?.architectures ?? [],
    modelType: model.config?.modelType ?? null,
    languages: strings(card.language),
    baseModels: strings(card.base_model),
    createdAt: model.createdAt,
    lastModified: model.lastModified,
    summary: text === null ? null : summaryOf(sections, text),
    datasets: [...facts.datasets.map((d) => datasetEntry(d, "training")), ...facts.evalDatasets.map((d) => datasetEntry(d, "evaluation"))],
    metrics,
    sections: {
      intendedUse: passage(sections, SECTION_HEADINGS.intendedUse, model.url),
      limitations: passage(sections, SECTION_HEADINGS.limitations, model.url),
      ethics: passage(sections, SECTION_HEADINGS.ethics, model.url),
      environment: passage(sections, SECTION_HEADINGS.environment, model.url),
      training: passage(sections, SECTION_HEADINGS.training, model.url),
      preprocessing: passage(sections, SECTION_HEADINGS.preprocessing, model.url),
    },
    emissions: emissionsOf(card.co2_eq_emissions),
  };
}
