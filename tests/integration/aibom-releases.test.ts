import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cyclonedxBom, cyclonedxCompleteness, spdxCompleteness, spdxDocument } from "@/lib/aibom";
import type { JsonObject } from "@/lib/aibom/json";
import type { Report } from "@/lib/report/schema";
import type { AuditEnv } from "@/tests/helpers/audit-env";
import { auditAll, startAuditEnv } from "@/tests/helpers/audit-env";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "@/tests/helpers/bom-schemas";

const releases = Object.keys(
  (JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "releases", "expected.json"), "utf8")) as { releases: object }).releases,
);

let env: AuditEnv;
const reports = new Map<string, Report>();
const validCyclonedx = cyclonedxValidator();
const validSpdx = spdxValidator();

beforeAll(async () => {
  env = await startAuditEnv();
  for (const [id, report] of await auditAll(env, releases)) {
    reports.set(id, report);
  }
});

afterAll(async () => {
  await env.close();
});

const ctx = (id: string) => ({ pageUrl: `https://mofscope.example/models/${id}` });
type Component = JsonObject & { properties: { name: string; value: string }[]; externalReferences: { type: string; url: string }[] };
const cdx = (id: string) => cyclonedxBom(reports.get(id) as Report, ctx(id));
const model = (id: string) => (cdx(id).metadata as JsonObject).component as Component;
const property = (c: Component, name: string) => c.properties.find((p) => p.name === name)?.value;
const spdx = (id: string) => (spdxDocument(reports.get(id) as Report, ctx(id))["@graph"] as JsonObject[]) ?? [];
const related = (graph: JsonObject[], type: string) => graph.filter((e) => e.type === "Relationship" && e.relationshipType === type);
const byId = (graph: JsonObject[], spdxId: unknown) => graph.find((e) => e.spdxId === spdxId);
const firstTo = (relationship: JsonObject | undefined) => ((relationship?.to as string[] | undefined) ?? [])[0];

describe.each(releases)("AI-BOMs of %s", (id) => {
  it("CycloneDX validates against the official CycloneDX 1.6 schema", () => {
    expect(validCyclonedx(cdx(id)), schemaErrors(validCyclonedx)).toBe(true);
  });

  it("SPDX validates against the official SPDX 3.0.1 schema", () => {
    expect(validSpdx(spdxDocument(reports.get(id) as Report, ctx(id))), schemaErrors(validSpdx)).toBe(true);
  });

  it("carries the MOF class, each component's status and the OSAID verdict, and links every piece of evidence", () => {
    const report = reports.get(id) as Report;
    const component = model(id);
    expect(property(component, "mofscope:mof:class")).toBe(String(report.class));
    expect(property(component, "mofscope:mof:component:Model parameters (Final)")).toBe(report.components.find((c) => c.cid === 10)?.status);
    expect(property(component, "mofscope:osaid:verdict")).toMatch(/^(meets|fails|unknown)$/);
    const evidence = new Set(component.externalReferences.filter((r) => r.type === "evidence").map((r) => r.url));
    for (const url of report.components.flatMap((c) => c.evidence.map((e) => e.url)).filter((u) => /^https?:\/\//.test(u))) {
      expect(evidence.has(url), url).toBe(true);
    }
  });

  it("measures completeness over every field each standard defines for a model", () => {
    const cyclonedx = cyclonedxCompleteness(cdx(id));
    const spdxFigure = spdxCompleteness(spdxDocument(reports.get(id) as Report, ctx(id)));
    expect(cyclonedx.filled.length + cyclonedx.empty.length).toBe(28);
    expect(spdxFigure.filled.length + spdxFigure.empty.length).toBe(28);
    expect(cyclonedx.owasp.score).toBeGreaterThan(0);
    expect(cyclonedx.owasp.score).toBeLessThanOrEqual(100);
  });
});

// expectations read from tests/fixtures (SOURCES.md and the fixture files), not from the builders
describe("what the BOMs say", () => {
  it("OLMo-7B: the model with its real commit, licence, task and architecture; dolma as its training data", () => {
    const olmo = model("allenai/OLMo-7B");
    expect(olmo).toMatchObject({
      type: "machine-learning-model",
      group: "allenai",
      name: "OLMo-7B",
      version: "09dd55d8d37c14aa0cbab5a4ac545140d2bd0a60",
      purl: "pkg:huggingface/allenai/OLMo-7B@09dd55d8d37c14aa0cbab5a4ac545140d2bd0a60",
      licenses: [{ license: { id: "Apache-2.0" } }],
    });
    expect((olmo.modelCard as JsonObject).modelParameters).toMatchObject({
      task: "text-generation",
      architectureFamily: "olmo",
      modelArchitecture: "OLMoForCausalLM",
      datasets: [{ ref: "dataset:training:allenai/dolma" }],
    });
    expect(cdx("allenai/OLMo-7B").components).toEqual([
      expect.objectContaining({ type: "data", "bom-ref": "dataset:training:allenai/dolma", name: "dolma", licenses: [{ license: { id: "ODC-By-1.0" } }] }),
    ]);
    expect(olmo.externalReferences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "vcs", url: "https://github.com/allenai/OLMo" }),
        expect.objectContaining({ type: "documentation", url: "https://arxiv.org/abs/2402.00838" }),
      ]),
    );
    expect(property(olmo, "mofscope:mof:class")).toBe("3");
    expect(property(olmo, "mofscope:osaid:verdict")).toBe("meets");
  });

  it("reads this model's column of a results table that compares several, and a two-column table whole", () => {
    const metrics = (id: string) => ((model(id).modelCard as JsonObject).quantitativeAnalysis as { performanceMetrics: JsonObject[] }).performanceMetrics;
    expect(metrics("allenai/OLMo-7B")).toContainEqual({ type: "arc_challenge", value: "48.5", slice: "OLMo 7B (ours)" });
    expect(metrics("LLM360/Amber")).toEqual([
      { type: "ARC-C", value: "42.57" },
      { type: "HellaSwag", value: "73.91" },
      { type: "MMLU", value: "28.53" },
      { type: "TruthfulQA", value: "43.67" },
      { type: "WinoGrande", value: "64.35" },
    ]);
    expect(metrics("bigscience/bloom")).toContainEqual({ type: "pass@1", value: "0.15542682926829265", slice: "humaneval" });
  });

  it("names a licence SPDX has no id for, and states the OSAID verdict", () => {
    const llama = model("meta-llama/Llama-2-7b-hf");
    expect(llama.licenses).toEqual([{ license: { name: "LicenseRef-hf-llama2" } }]);
    expect(property(llama, "mofscope:osaid:verdict")).toBe("fails");
    expect(model("bigscience/bloom").licenses).toEqual([{ license: { name: "LicenseRef-hf-bigscience-bloom-rail-1.0" } }]);
    expect(property(model("LLM360/Amber"), "mofscope:osaid:unknown-kinds")).toBe("judgement");
  });

  it("keeps a training dataset the hub did not answer for, without inventing its licence", () => {
    expect(cdx("EleutherAI/pythia-160m").components).toEqual([
      expect.objectContaining({ name: "pile", properties: expect.arrayContaining([{ name: "mofscope:dataset:reachable", value: "false" }]) }),
    ]);
    expect((cdx("EleutherAI/pythia-160m").components as JsonObject[])[0]?.licenses).toBeUndefined();
  });

  it("SPDX: an AI package trained on its datasets, licences as expressions, the MOF class recorded", () => {
    const graph = spdx("allenai/OLMo-7B");
    const ai = graph.find((e) => e.type === "ai_AIPackage") as JsonObject;
    expect(ai).toMatchObject({
      name: "allenai/OLMo-7B",
      software_primaryPurpose: "model",
      software_packageVersion: "09dd55d8d37c14aa0cbab5a4ac545140d2bd0a60",
    });
    const trainedOn = related(graph, "trainedOn");
    expect(trainedOn).toHaveLength(1);
    expect(byId(graph, firstTo(trainedOn[0]))).toMatchObject({ type: "dataset_DatasetPackage", name: "allenai/dolma" });
    const declared = related(graph, "hasDeclaredLicense").find((r) => r.from === ai.spdxId);
    expect(byId(graph, firstTo(declared))).toMatchObject({ simplelicensing_licenseExpression: "Apache-2.0" });
    const document = graph.find((e) => e.type === "SpdxDocument");
    expect(document?.comment).toContain("MOF 1.0: Class III - Open Model; OSAID 1.0: meets");
    expect(graph.find((e) => e.type === "Annotation")?.statement).toContain("Class III - Open Model");
  });

  it("SPDX: an unread licence is NOASSERTION, and a model with no datasets is trained on none", () => {
    const pythia = spdx("EleutherAI/pythia-160m");
    const pile = pythia.find((e) => e.type === "dataset_DatasetPackage");
    expect(related(pythia, "hasDeclaredLicense").find((r) => r.from === pile?.spdxId)?.to).toEqual(["expandedlicensing_NoAssertionLicense"]);
    expect(related(spdx("mistralai/Mistral-7B-v0.1"), "trainedOn")).toEqual([]);
  });

  it("gives a snapshot's BOM the same serial number every time, and another audit another one", () => {
    const report = reports.get("allenai/OLMo-7B") as Report;
    expect(cyclonedxBom(report, ctx("x")).serialNumber).toBe(cyclonedxBom(report, ctx("x")).serialNumber);
    expect(cyclonedxBom({ ...report, fetchedAt: "2026-11-25T12:00:00.000Z" }, ctx("x")).serialNumber).not.toBe(cyclonedxBom(report, ctx("x")).serialNumber);
  });

  it("the schemas reject what the standards forbid", () => {
    const bom = cdx("allenai/OLMo-7B");
    expect(validCyclonedx({ ...bom, metadata: { ...(bom.metadata as JsonObject), component: { ...model("allenai/OLMo-7B"), type: "model" } } })).toBe(false);
    const document = spdxDocument(reports.get("allenai/OLMo-7B") as Report, ctx("x"));
    const graph = (document["@graph"] as JsonObject[]).map((e) => (e.type === "Relationship" ? { ...e, relationshipType: "madeOf" } : e));
    expect(validSpdx({ ...document, "@graph": graph })).toBe(false);
  });
});
