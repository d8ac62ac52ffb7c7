import { describe, expect, it } from "vitest";
import type { MofComponentEntry } from "@/lib/mof";
import { assess, COMPONENTS } from "@/lib/mof";
import { makeRecord } from "@/tests/helpers/records";

const all = (license?: string): MofComponentEntry[] => COMPONENTS.map((c) => (license === undefined ? { name: c.name } : { name: c.name, license }));

const codes = (entries: MofComponentEntry[], license = {}) => assess(makeRecord(entries, license)).warnings.map((w) => w.code);

describe("assess", () => {
  it("gives Class I to a record with every component openly licensed", () => {
    const result = assess(makeRecord(all("Apache-2.0")));
    expect(result.class).toBe(1);
    expect(result.progress).toEqual({ 1: 100, 2: 100, 3: 100 });
    expect(result.next).toBeNull();
  });

  it("returns all 17 components in weight order", () => {
    const names = assess(makeRecord([])).components.map((c) => c.name);
    expect(names).toHaveLength(17);
    expect(names[0]).toBe("Model architecture");
    expect(names.at(-1)).toBe("Evaluation results");
  });

  it("gates lower classes at 0% until the class above is complete", () => {
    const entries = all("MIT").filter((e) => e.name !== "Model card");
    const result = assess(makeRecord(entries));
    expect(result.progress[3]).toBeCloseTo((5 / 6) * 100, 12);
    expect(result.progress[2]).toBe(0);
    expect(result.progress[1]).toBe(0);
    expect(result.class).toBe(0);
    expect(result.next).toEqual({ class: 3, items: [{ cid: 13, name: "Model card", status: "missing", license: null }] });
  });

  it("keeps an explicit unlicensed component unlicensed despite a distribution licence, and says so", () => {
    const result = assess(makeRecord([{ name: "Model card", license: "unlicensed" }], { distribution: { name: "MIT" } }));
    expect(result.components.find((c) => c.cid === 13)).toMatchObject({ status: "unlicensed", license: "unlicensed", licenseSource: "component" });
    expect(result.warnings.map((w) => w.code)).toContain("unlicensed-overrides-global");
  });

  it("prefers the global licence of the component's type over the distribution licence", () => {
    const result = assess(makeRecord([{ name: "Training code" }], { distribution: { name: "CC-BY-4.0" }, code: { name: "MIT" } }));
    expect(result.components.find((c) => c.cid === 7)).toMatchObject({ license: "MIT", licenseSource: "global-type" });
  });

  it("lets the research paper stand in for a missing technical report at Classes III and II only", () => {
    const entries = all("Apache-2.0").filter((e) => e.name !== "Technical report");
    const result = assess(makeRecord(entries));
    expect(result.class).toBe(1);
    expect(result.buckets[3].included).toContain(21);
    expect(result.components.find((c) => c.cid === 11)).toMatchObject({ status: "missing", substitutedBy: 21 });
    expect(result.warnings.map((w) => w.code)).toContain("report-substituted-by-paper");
  });

  it("never lets the technical report stand in for the paper at Class I", () => {
    const result = assess(makeRecord(all("Apache-2.0").filter((e) => e.name !== "Research paper")));
    expect(result.progress[1]).toBeCloseTo((13 / 14) * 100, 12);
    expect(result.class).toBe(2);
    expect(result.next?.items.map((i) => i.name)).toEqual(["Research paper"]);
  });

  it("ignores optional components for progress", () => {
    const required = all("MIT").filter((e) => !["Model metadata", "Sample model outputs", "Supporting libraries and tools"].includes(e.name ?? ""));
    expect(assess(makeRecord(required)).class).toBe(1);
    expect(assess(makeRecord(required.concat({ name: "Model metadata", license: "Proprietary" }))).class).toBe(1);
  });
});

describe("warnings for what MOT accepts silently", () => {
  it("counts a misspelt component name as Datasets and suggests the right name", () => {
    const result = assess(makeRecord([{ name: "Model Card", license: "MIT" }]));
    expect(result.components.find((c) => c.cid === 15)?.status).toBe("included");
    expect(result.components.find((c) => c.cid === 13)?.status).toBe("missing");
    expect(result.warnings[0]).toMatchObject({ code: "unknown-component-name", path: "release.components[0].name" });
    expect(result.warnings[0]?.message).toContain('Did you mean "Model card"?');
  });

  it("flags a licence id with a space, which MOT counts as not open", () => {
    const result = assess(makeRecord([{ name: "Model card", license: "Apache 2.0" }]));
    expect(result.components.find((c) => c.cid === 13)?.status).toBe("invalid");
    expect(result.warnings[0]).toMatchObject({ code: "license-whitespace", path: "release.components[0].license" });
    expect(result.warnings[0]?.message).toContain('"Apache-2.0"');
  });

  it("flags a licence id in the wrong case", () => {
    expect(codes([{ name: "Model card", license: "apache-2.0" }])).toContain("license-case");
  });

  it("flags an unknown licence once per field it comes from", () => {
    const warnings = assess(makeRecord(all(), { distribution: { name: "Llama 2 Community License" } })).warnings;
    expect(warnings.filter((w) => w.code === "unknown-license")).toEqual([expect.objectContaining({ path: "release.license.distribution.name" })]);
  });

  it("flags a component listed twice; the later entry wins", () => {
    const result = assess(
      makeRecord([
        { name: "Datasets", license: "MIT" },
        { name: "Datasets", license: "unlicensed" },
      ]),
    );
    expect(result.components.find((c) => c.cid === 15)?.status).toBe("unlicensed");
    expect(result.warnings.map((w) => w.code)).toContain("duplicate-component");
  });

  it("repeats MOT's type-appropriateness warning without changing the class", () => {
    const result = assess(makeRecord([{ name: "Datasets", license: "MIT" }]));
    expect(result.notTypeAppropriate).toEqual([15]);
    expect(result.warnings.map((w) => w.code)).toContain("not-type-appropriate");
  });

  it("warns that MOT hides records dated before 2025", () => {
    const record = makeRecord([]);
    expect(assess({ ...record, release: { ...record.release, date: "2024-06-01" } }).warnings.map((w) => w.code)).toContain("hidden-by-date");
  });

  it("gives no warning for a clean record", () => {
    expect(codes([{ name: "Model card", license: "CC-BY-4.0" }])).toEqual([]);
  });
});
