import { describe, expect, it } from "vitest";
import { csvLine } from "@/lib/report/csv";
import { gradeOf } from "@/lib/report/grade";
import { gradeSummary } from "@/lib/report/index-entry";
import { indexQueryString, needsCanonical, orgNameSchema, parseIndexParams } from "@/lib/report/index-params";
import { auditedReport } from "./sample";

describe("gradeSummary", () => {
  it("says how many releases reach Class III or higher and the most common gap, in MOF's words", () => {
    const distribution = { total: 12, byClass: { 0: 9, 1: 1, 2: 0, 3: 2 } };
    expect(gradeSummary(distribution, { value: "Evaluation code", models: 7 })).toBe(
      "3 of 12 audited releases reach Class III or higher; the most common gap: evaluation code.",
    );
    expect(gradeSummary({ total: 1, byClass: { 0: 0, 1: 1, 2: 0, 3: 0 } }, null, "model")).toBe("1 of 1 audited model reaches Class III or higher.");
    expect(gradeSummary({ total: 0, byClass: { 0: 0, 1: 0, 2: 0, 3: 0 } }, null)).toBe("No release has been audited yet.");
  });
});

describe("gradeOf", () => {
  it("keeps the class, its rank in openness order, progress toward the next class and the next class's known gaps", () => {
    const report = auditedReport({
      class: 3,
      progress: { "1": 0, "2": 62.5, "3": 100 },
      next: {
        class: 2,
        items: [
          { cid: 18, name: "whatever the report said", status: "missing", license: null, fix: null },
          { cid: 7, name: "Training code", status: "unknown", license: null, fix: null },
        ],
      },
    });
    expect(gradeOf(report)).toMatchObject({ class: 3, rank: 1, progress: 62.5, gaps: ["Evaluation code"], org: "llm360", sha: "a".repeat(40) });
    expect(gradeOf(auditedReport())).toMatchObject({ class: 1, rank: 3, progress: 100, gaps: [] });
  });
});

describe("csvLine", () => {
  it("quotes text, doubles quotes, and defuses cells a spreadsheet would run as formulas", () => {
    expect(csvLine(["a,b", 'say "hi"', 3, null, true])).toBe('"a,b","say ""hi""",3,,true\r\n');
    expect(csvLine(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "safe"])).toBe(`"'=1+1","'+1","'-1","'@SUM(A1)","'\tx","safe"\r\n`);
  });
});

describe("parseIndexParams", () => {
  it("reads filters, treating a blank form field as no filter", () => {
    const parsed = parseIndexParams(new URLSearchParams("org=AllenAI&class=2&licence=Apache-2.0&pipeline=&stale=true&sort=downloads&limit=10"));
    expect(parsed).toEqual({
      ok: true,
      params: { filter: { org: "allenai", class: 2, licence: "Apache-2.0", stale: true }, sort: "downloads", cursor: null, limit: 10, format: "json" },
    });
    expect(parseIndexParams({})).toEqual({ ok: true, params: { filter: {}, sort: "openness", cursor: null, limit: 50, format: "json" } });
  });

  it("names the first bad parameter", () => {
    expect(parseIndexParams(new URLSearchParams("limit=abc"))).toEqual({ ok: false, message: "limit must be a number." });
    expect(parseIndexParams({ pipeline: "Text Generation" })).toEqual({ ok: false, message: "pipeline must be a pipeline tag such as text-generation." });
  });

  it("writes the query string back, defaults left out", () => {
    expect(indexQueryString({ org: "acme", class: 0, stale: false }, { sort: "openness", cursor: "abc" })).toBe("?org=acme&class=0&stale=false&cursor=abc");
    expect(indexQueryString({}, { sort: "openness" })).toBe("");
  });
});

describe("needsCanonical", () => {
  it("asks for a redirect when the form sent blank fields or spelt out a default, and only then", () => {
    expect(needsCanonical({ org: "", class: "", stale: "true", sort: "downloads" })).toBe(true);
    expect(needsCanonical({ sort: "openness" })).toBe(true);
    expect(needsCanonical({ limit: "50" })).toBe(true);
    expect(needsCanonical({ stale: "true", sort: "downloads", limit: "10" })).toBe(false);
    expect(needsCanonical({ utm_source: "" })).toBe(false);
  });
});

describe("orgNameSchema", () => {
  it("accepts Hub organisation names and refuses paths", () => {
    expect(orgNameSchema.parse("LLM360")).toBe("llm360");
    for (const bad of ["..", "a..b", "-x", "a/b", "", "x".repeat(97)]) {
      expect(orgNameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
