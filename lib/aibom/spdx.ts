import type { Report } from "@/lib/report/schema";
import { spdxCompleteness } from "./completeness";
import { compact, type JsonObject } from "./json";
import { spdxExpression } from "./licences";
import { mofscopeProperties, verdictLine } from "./properties";
import { type BomContext, type BomDataset, type ReleaseParts, releaseParts } from "./release";
import { taskShape } from "./task";
import { stableUuid } from "./uuid";

export const SPDX_VERSION = "3.0.1";
const CONTEXT = `https://spdx.org/rdf/${SPDX_VERSION}/spdx-context.jsonld`;
const CREATION_INFO = "_:creationinfo";
const NO_ASSERTION = "expandedlicensing_NoAssertionLicense";

// SPDX times are whole seconds in UTC
const spdxTime = (iso: string | null | undefined) => (iso ? iso.replace(/\.\d+Z$/, "Z") : undefined);

interface Graph {
  readonly id: (local: string) => string;
  readonly elements: JsonObject[];
  add(element: JsonObject): string;
  licence(ids: readonly string[]): string;
  relate(from: string, type: string, to: readonly string[]): void;
}

function graph(namespace: string): Graph {
  const elements: JsonObject[] = [];
  const licences = new Map<string, string>();
  let relationships = 0;
  const id = (local: string) => `${namespace}#${local}`;
  const add = (element: JsonObject) => {
    elements.push({ ...element, creationInfo: CREATION_INFO });
    return element.spdxId as string;
  };
  return {
    id,
    elements,
    add,
    licence(ids) {
      const expression = spdxExpression(ids);
      if (expression === null) {
        return NO_ASSERTION;
      }
      const known = licences.get(expression);
      if (known) {
        return known;
      }
      const spdxId = add({
        type: "simplelicensing_LicenseExpression",
        spdxId: id(`licence-${licences.size + 1}`),
        simplelicensing_licenseExpression: expression,
      });
      licences.set(expression, spdxId);
      return spdxId;
    },
    relate(from, type, to) {
      if (to.length > 0) {
        relationships += 1;
        add({ type: "Relationship", spdxId: id(`relationship-${relationships}`), from, relationshipType: type, to: [...to] });
      }
    },
  };
}

function externalRefs(parts: ReleaseParts, report: Report, ctx: BomContext): JsonObject[] {
  const ref = (externalRefType: string, url: string, comment?: string) => ({
    type: "ExternalRef",
    externalRefType,
    locator: [url],
    ...(comment ? { comment } : {}),
  });
  return [
    ...(parts.modelCard ? [ref("documentation", parts.modelCard, "model card")] : []),
    ...parts.repositories.map((r) => ref("vcs", r.url, r.comment)),
    ...parts.papers.map((p) => ref("documentation", p.url, p.comment)),
    ...parts.evidence.map((e) => ref("other", e.url, `evidence, MOF ${e.component}: ${e.what}`)),
    ...(ctx.pageUrl ? [ref("other", ctx.pageUrl, `mofscope report: ${verdictLine(report, parts.osaid)}`)] : []),
  ].filter((r) => /^https?:\/\//.test(r.locator[0] ?? ""));
}

function aiPackage(g: Graph, parts: ReleaseParts, report: Report, ctx: BomContext, supplier: string | undefined): string {
  const info = parts.info;
  const sections = info?.sections;
  const osaid = parts.osaid;
  return g.add(
    compact({
      type: "ai_AIPackage",
      spdxId: g.id("model"),
      name: parts.id,
      summary: info?.summary,
      comment: verdictLine(report, osaid),
      software_packageVersion: parts.version,
      software_downloadLocation: parts.homepage,
      software_homePage: parts.homepage,
      software_packageUrl: parts.purl,
      software_primaryPurpose: "model",
      suppliedBy: supplier,
      releaseTime: spdxTime(info?.createdAt),
      ai_domain: [taskShape(info?.task ?? null)?.domain].filter((d): d is string => d !== undefined),
      ai_typeOfModel: [...(info?.architectures ?? []), ...(info?.modelType ? [info.modelType] : [])],
      ai_informationAboutApplication: sections?.intendedUse?.text,
      ai_informationAboutTraining: sections?.training?.text,
      ai_limitation: sections?.limitations?.text,
      ai_modelDataPreprocessing: sections?.preprocessing ? [sections.preprocessing.text] : [],
      ai_metric: info?.metrics.map((m) => ({ type: "DictionaryEntry", key: m.slice ? `${m.type} (${m.slice})` : m.type, value: m.value })),
      externalRef: externalRefs(parts, report, ctx),
      extension: [
        {
          type: "extension_CdxPropertiesExtension",
          extension_cdxProperty: mofscopeProperties(report, osaid, ctx.pageUrl).map((p) => ({
            type: "extension_CdxPropertyEntry",
            extension_cdxPropName: p.name,
            extension_cdxPropValue: p.value,
          })),
        },
      ],
    }),
  );
}

function datasetPackage(g: Graph, dataset: BomDataset, index: number): string {
  const owner = dataset.id.includes("/") ? dataset.id.split("/")[0] : undefined;
  const originator = owner ? g.add({ type: "Organization", spdxId: g.id(`dataset-${index}-publisher`), name: owner }) : undefined;
  const spdxId = g.add(
    compact({
      type: "dataset_DatasetPackage",
      spdxId: g.id(`dataset-${index}`),
      name: dataset.id,
      comment: `${dataset.role} dataset named by the model card${dataset.reachable ? "" : "; the hub did not answer for it"}`,
      software_downloadLocation: /^https?:\/\//.test(dataset.url) ? dataset.url : undefined,
      software_primaryPurpose: "data",
      originatedBy: originator ? [originator] : [],
      // the evidence does not say what kind of data it is
      dataset_datasetType: ["noAssertion"],
    }),
  );
  const licence = g.licence(dataset.licenses);
  g.relate(spdxId, "hasDeclaredLicense", [licence]);
  g.relate(spdxId, "hasConcludedLicense", [licence]);
  return spdxId;
}

/** The SPDX 3.0.1 JSON-LD AI-BOM of a release: AI and Dataset profiles, licences as expressions, MOF and OSAID recorded. */
export function spdxDocument(report: Report, ctx: BomContext): JsonObject {
  const parts = releaseParts(report);
  const uuid = stableUuid(`spdx ${report.id} ${report.model.source} ${report.model.id} ${report.model.sha ?? ""} ${report.fetchedAt}`);
  const g = graph(`urn:uuid:${uuid}`);
  const tool = g.add({ type: "Tool", spdxId: g.id("mofscope"), name: "mofscope" });
  const creator = g.add({ type: "SoftwareAgent", spdxId: g.id("mofscope-agent"), name: "mofscope" });
  const supplier = parts.supplier ? g.add({ type: "Organization", spdxId: g.id("supplier"), name: parts.supplier }) : undefined;
  const model = aiPackage(g, parts, report, ctx, supplier);
  g.relate(model, "hasDeclaredLicense", [g.licence(parts.declaredLicences)]);
  g.relate(model, "hasConcludedLicense", [g.licence(parts.concludedLicence ? [parts.concludedLicence] : [])]);
  const datasets = parts.datasets.map((d, i) => ({ role: d.role, id: datasetPackage(g, d, i + 1) }));
  g.relate(
    model,
    "trainedOn",
    datasets.filter((d) => d.role === "training").map((d) => d.id),
  );
  g.relate(
    model,
    "testedOn",
    datasets.filter((d) => d.role === "evaluation").map((d) => d.id),
  );
  const osaid = parts.osaid;
  g.add({
    type: "Annotation",
    spdxId: g.id("verdicts"),
    annotationType: "review",
    subject: model,
    statement: `${verdictLine(report, osaid)}. ${osaid.reason}`,
  });
  const document: JsonObject = {
    type: "SpdxDocument",
    spdxId: g.id("document"),
    creationInfo: CREATION_INFO,
    name: `AI-BOM of ${parts.id}`,
    comment: `${verdictLine(report, osaid)}. Written by mofscope from ${report.id ? `snapshot ${report.id}` : "an audit"} of ${report.fetchedAt}.`,
    profileConformance: ["core", "software", "simpleLicensing", "ai", "dataset", "extension"],
    rootElement: [model],
    element: g.elements.map((e) => e.spdxId as string),
  };
  const creationInfo = {
    type: "CreationInfo",
    "@id": CREATION_INFO,
    specVersion: SPDX_VERSION,
    created: spdxTime(report.fetchedAt),
    createdBy: [creator],
    createdUsing: [tool],
  };
  const bom = { "@context": CONTEXT, "@graph": [creationInfo, document, ...g.elements] };
  const completeness = spdxCompleteness(bom);
  document.comment = `${document.comment} Completeness: ${completeness.filled.length} of ${completeness.filled.length + completeness.empty.length} AI-package fields.`;
  return bom;
}
