import type { Report } from "@/lib/report/schema";
import { cyclonedxCompleteness } from "./completeness";
import { compact, type JsonObject } from "./json";
import { cyclonedxLicences } from "./licences";
import { mofscopeProperties, verdictLine } from "./properties";
import { type BomContext, type BomDataset, type ReleaseParts, releaseParts } from "./release";
import { taskShape } from "./task";
import { stableUuid } from "./uuid";

export const CYCLONEDX_SPEC_VERSION = "1.6";

const MODEL_REF = "model";
const datasetRef = (dataset: BomDataset) => `dataset:${dataset.role}:${dataset.id}`;

function externalReferences(parts: ReleaseParts, report: Report, ctx: BomContext): JsonObject[] {
  const refs: JsonObject[] = [
    ...(parts.homepage ? [{ type: "website", url: parts.homepage }] : []),
    ...(parts.homepage && report.model.source === "hf"
      ? [{ type: "distribution", url: `${parts.homepage}/tree/${parts.version ?? "main"}`, comment: "model files" }]
      : []),
    ...(parts.modelCard ? [{ type: "model-card", url: parts.modelCard }] : []),
    ...parts.repositories.map((r) => ({ type: "vcs", url: r.url, comment: r.comment })),
    ...parts.papers.map((p) => ({ type: "documentation", url: p.url, comment: p.comment })),
    ...parts.evidence.map((e) => ({ type: "evidence", url: e.url, comment: `MOF ${e.component}: ${e.what}` })),
    ...(ctx.pageUrl ? [{ type: "other", url: ctx.pageUrl, comment: `mofscope report: ${verdictLine(report, parts.osaid)}` }] : []),
  ];
  // a reference must be a URL a reader can open
  return refs.filter((r) => typeof r.url === "string" && /^https?:\/\//.test(r.url));
}

function modelCard(parts: ReleaseParts): JsonObject {
  const info = parts.info;
  const shape = taskShape(info?.task ?? null);
  const sections = info?.sections;
  return compact({
    modelParameters: {
      task: info?.task,
      architectureFamily: info?.modelType,
      modelArchitecture: info?.architectures.join(", "),
      datasets: parts.datasets.map((d) => ({ ref: datasetRef(d) })),
      inputs: shape?.inputs.map((format) => ({ format })),
      outputs: shape?.outputs.map((format) => ({ format })),
    },
    quantitativeAnalysis: { performanceMetrics: info?.metrics.map((m) => compact({ type: m.type, value: m.value, slice: m.slice })) },
    considerations: {
      useCases: sections?.intendedUse ? [sections.intendedUse.text] : [],
      technicalLimitations: sections?.limitations ? [sections.limitations.text] : [],
      ethicalConsiderations: sections?.ethics ? [{ name: sections.ethics.text }] : [],
      environmentalConsiderations: {
        properties: [
          ...(sections?.environment ? [{ name: "mofscope:card:environmental-impact", value: sections.environment.text }] : []),
          ...(info?.emissions ? [{ name: "mofscope:card:co2-eq-emissions", value: info.emissions }] : []),
        ],
      },
    },
    properties: [
      ...(sections?.training ? [{ name: "mofscope:card:training", value: sections.training.text }] : []),
      ...(sections?.preprocessing ? [{ name: "mofscope:card:preprocessing", value: sections.preprocessing.text }] : []),
    ],
  });
}

function modelComponent(parts: ReleaseParts, report: Report, ctx: BomContext): JsonObject {
  const info = parts.info;
  const shape = taskShape(info?.task ?? null);
  const supplier = parts.supplier
    ? { name: parts.supplier, ...(report.model.source === "hf" && parts.group ? { url: [`https://huggingface.co/${parts.group}`] } : {}) }
    : undefined;
  return compact({
    type: "machine-learning-model",
    "bom-ref": MODEL_REF,
    supplier,
    manufacturer: supplier,
    authors: parts.supplier ? [{ name: parts.supplier }] : [],
    group: parts.group,
    name: parts.name,
    version: parts.version,
    description: info?.summary,
    licenses: cyclonedxLicences(parts.declaredLicences),
    purl: parts.purl,
    externalReferences: externalReferences(parts, report, ctx),
    pedigree: {
      ancestors: info?.baseModels.map((id) => ({ type: "machine-learning-model", "bom-ref": `base:${id}`, name: id, purl: `pkg:huggingface/${id}` })),
    },
    modelCard: modelCard(parts),
    properties: [
      ...mofscopeProperties(report, parts.osaid, ctx.pageUrl),
      ...(info?.libraryName ? [{ name: "mofscope:hf:library-name", value: info.libraryName }] : []),
    ],
    tags: [info?.task, shape?.domain, ...(info?.languages ?? []).map((l) => `language:${l}`)].filter((t): t is string => typeof t === "string"),
  });
}

function datasetComponent(dataset: BomDataset): JsonObject {
  const [group, name] = dataset.id.includes("/") ? dataset.id.split("/", 2) : [undefined, dataset.id];
  return compact({
    type: "data",
    "bom-ref": datasetRef(dataset),
    group,
    name,
    licenses: cyclonedxLicences(dataset.licenses),
    externalReferences: /^https?:\/\//.test(dataset.url) ? [{ type: "distribution", url: dataset.url }] : [],
    data: [{ type: "dataset", name: dataset.id, contents: /^https?:\/\//.test(dataset.url) ? { url: dataset.url } : {} }],
    properties: [
      { name: "mofscope:dataset:role", value: dataset.role },
      { name: "mofscope:dataset:reachable", value: String(dataset.reachable) },
    ],
  });
}

/** The CycloneDX 1.6 ML-BOM of a release: the model with its model card, its datasets, and both verdicts as properties. */
export function cyclonedxBom(report: Report, ctx: BomContext): JsonObject {
  const parts = releaseParts(report);
  const bom: JsonObject = {
    $schema: `http://cyclonedx.org/schema/bom-${CYCLONEDX_SPEC_VERSION}.schema.json`,
    bomFormat: "CycloneDX",
    specVersion: CYCLONEDX_SPEC_VERSION,
    serialNumber: `urn:uuid:${stableUuid(`cyclonedx ${report.id} ${report.model.source} ${report.model.id} ${report.model.sha ?? ""} ${report.fetchedAt}`)}`,
    version: 1,
    metadata: compact({
      timestamp: report.fetchedAt,
      tools: {
        components: [
          { type: "application", name: "mofscope", ...(ctx.pageUrl ? { externalReferences: [{ type: "website", url: new URL("/", ctx.pageUrl).href }] } : {}) },
        ],
      },
      component: modelComponent(parts, report, ctx),
    }),
    ...(parts.datasets.length > 0 ? { components: parts.datasets.map(datasetComponent) } : {}),
  };
  const completeness = cyclonedxCompleteness(bom);
  (bom.metadata as JsonObject).properties = [
    { name: "mofscope:completeness:cyclonedx-ml", value: `${completeness.filled.length}/${completeness.filled.length + completeness.empty.length}` },
    { name: "mofscope:completeness:owasp-aibom-score", value: String(completeness.owasp.score) },
  ];
  return bom;
}
