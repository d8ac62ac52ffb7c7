import { describe, expect, it } from "vitest";
import { cyclonedxBom, owaspScore, spdxDocument } from "@/lib/aibom";
import type { JsonObject } from "@/lib/aibom/json";
import { stableUuid } from "@/lib/aibom/uuid";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "@/tests/helpers/bom-schemas";
import { auditedReport, sampleReport } from "@/tests/unit/report/sample";

describe("OWASP AIBOM generator score", () => {
  it("weighs fields by category and penalises missing critical and important ones, as the generator does", () => {
    // required 4/4 → 20; metadata 0/5; component basics name, type, version 3/7 → 8.6; model card 0/17; references 0/4
    // subtotal 28.6; 2 critical missing (primaryPurpose, suppliedBy) → ×0.9; 12 important missing → ×0.95 → 24.5
    const bom = {
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      serialNumber: "urn:uuid:00000000-0000-8000-8000-000000000000",
      version: 1,
      metadata: { component: { type: "machine-learning-model", name: "m", version: "1" } },
    };
    const score = owaspScore(bom);
    expect(score.categories.component_basic).toEqual({ present: 3, total: 7, points: 8.6 });
    expect(score.missingCritical).toEqual(["primaryPurpose", "suppliedBy"]);
    expect(score.score).toBe(24.5);
  });
});

describe("stable UUID", () => {
  it("is an RFC 9562 version-8 UUID, the same for the same text", () => {
    expect(stableUuid("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid("a")).toBe(stableUuid("a"));
    expect(stableUuid("a")).not.toBe(stableUuid("b"));
  });
});

describe("BOMs of reports without card facts", () => {
  const validCyclonedx = cyclonedxValidator();
  const validSpdx = spdxValidator();

  it("still validate for an old audited snapshot and for a classified MOT record", () => {
    for (const report of [auditedReport(), sampleReport()]) {
      expect(report.modelInfo).toBeUndefined();
      expect(validCyclonedx(cyclonedxBom(report, { pageUrl: null })), schemaErrors(validCyclonedx)).toBe(true);
      expect(validSpdx(spdxDocument(report, { pageUrl: null })), schemaErrors(validSpdx)).toBe(true);
    }
  });

  it("take a record's producer as supplier and its licences from the record", () => {
    const component = (cyclonedxBom(sampleReport(), { pageUrl: null }).metadata as JsonObject).component as JsonObject;
    expect(component).toMatchObject({ name: "Amber", supplier: { name: "LLM360" }, licenses: [{ license: { id: "Apache-2.0" } }] });
    expect(component.purl).toBeUndefined();
  });
});
