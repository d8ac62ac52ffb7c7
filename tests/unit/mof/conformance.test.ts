import { describe, expect, it } from "vitest";
import type { MofAssessment } from "@/lib/mof";
import { assess, parseMofYaml } from "@/lib/mof";
import { conformanceRecords, readConformanceJson } from "@/tests/helpers/conformance";

interface Expected {
  name: string;
  class: number;
  label: string;
  progress: Record<"1" | "2" | "3", number>;
  total_progress: number;
  buckets: Record<"1" | "2" | "3", Record<"included" | "missing" | "invalid" | "unlicensed" | "optional", number[]>>;
  resolved_licenses: Record<string, string>;
  not_type_appropriate: number[];
}

interface RestModel {
  release: { name: string };
  classification: { class: number; label: string; progress: Record<"1" | "2" | "3", number> };
}

const expected = readConformanceJson<Record<string, Expected>>("expected.json");
const records = conformanceRecords();

function assessText(text: string): MofAssessment {
  const parsed = parseMofYaml(text);
  if (!parsed.ok) {
    throw new Error(`does not parse: ${JSON.stringify(parsed.errors)}`);
  }
  return assess(parsed.record);
}

describe("MOT conformance (expected.json)", () => {
  it("covers every record in the folder and every expected entry", () => {
    expect(records.map((r) => r.path).sort()).toEqual(Object.keys(expected).sort());
    expect(records).toHaveLength(210);
  });

  it.each(records)("$path", ({ path, text }) => {
    const want = expected[path] as Expected;
    const got = assessText(text);
    expect(got.name).toBe(want.name);
    expect(got.class).toBe(want.class);
    expect(got.label).toBe(want.label);
    for (const cls of ["1", "2", "3"] as const) {
      expect(got.progress[Number(cls) as 1 | 2 | 3]).toBeCloseTo(want.progress[cls], 10);
      expect(got.buckets[Number(cls) as 1 | 2 | 3]).toEqual(want.buckets[cls]);
    }
    expect(got.totalProgress).toBeCloseTo(want.total_progress, 10);
    expect(Object.fromEntries(Object.entries(got.resolvedLicenses).map(([k, v]) => [String(k), v]))).toEqual(want.resolved_licenses);
    expect(got.notTypeAppropriate).toEqual(want.not_type_appropriate);
  });
});

describe("MOT conformance (Test_Data/expected_results.json, MOT's own REST output)", () => {
  const rest = readConformanceJson<{ models: RestModel[] }>("Test_Data/expected_results.json").models;
  const byName = new Map(records.filter((r) => r.path.startsWith("Test_Data/")).map((r) => [assessText(r.text).name, r.text]));

  it("has one record per REST model", () => {
    expect(rest).toHaveLength(27);
    expect(rest.every((m) => byName.has(m.release.name))).toBe(true);
  });

  it.each(rest.map((m) => [m.release.name, m] as const))("%s", (_name, model) => {
    const got = assessText(byName.get(model.release.name) as string);
    expect(got.class).toBe(model.classification.class);
    expect(got.label).toBe(model.classification.label);
    for (const cls of ["1", "2", "3"] as const) {
      expect(got.progress[Number(cls) as 1 | 2 | 3]).toBeCloseTo(model.classification.progress[cls], 2);
    }
  });
});
