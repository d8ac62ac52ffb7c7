import { describe, expect, it } from "vitest";
import { frameworksMarkdown, reportJson, reportJsonSchema } from "@/lib/frameworks/report-json";
import { auditedReport } from "@/tests/unit/report/sample";

describe("report JSON", () => {
  it("carries the OSAID verdict beside the MOF grade, in the published schema", () => {
    const json = reportJson(auditedReport());
    expect(reportJsonSchema.safeParse(json).success).toBe(true);
    expect(json.class).toBe(1);
    expect(json.osaid.verdict).toBe("meets");
    expect(json.osaid.requirements.map((r) => [r.name, r.status])).toEqual([
      ["Data information", "meets"],
      ["Data processing code", "meets"],
      ["Training, validation and testing code", "meets"],
      ["Inference code", "meets"],
      ["Supporting libraries and tools", "meets"],
      ["Model architecture", "meets"],
      ["Model parameters", "meets"],
    ]);
  });

  it("computes the verdict from an old stored report that has none", () => {
    const stored = JSON.parse(JSON.stringify(auditedReport())) as Record<string, unknown>;
    expect(stored.osaid).toBeUndefined();
    expect(reportJson(auditedReport()).osaid.definition).toEqual({
      name: "Open Source AI Definition",
      version: "1.0",
      url: "https://opensource.org/ai/open-source-ai-definition",
      checklist: "https://opensource.org/ai/checklist",
    });
  });
});

describe("Markdown export", () => {
  it("adds the OSAID verdict, a row per requirement and the disagreements, before the footer", () => {
    const report = auditedReport({ id: "AbCdEfGhIj" });
    const components = report.components.map((c) => (c.cid === 15 ? { ...c, status: "missing" as const, license: null, licenses: [] } : c));
    const md = frameworksMarkdown({ ...report, components, class: 2 }, "https://mofscope.example/models/LLM360/Amber");
    expect(md).toContain("### Open Source AI Definition 1.0: **meets**");
    expect(md).toContain("| Data information | ✓ meets | Data card, Datasets, Research paper, Technical report |");
    expect(md.split("\n").filter((l) => /^\| [^|]+ \| (✓ meets|✗ fails|\? unknown)/.test(l))).toHaveLength(7);
    expect(md).toContain("- Datasets (missing): MOF requires this component from Class I, but OSAID asks for data information, not for the data itself.");
    expect(md.trimEnd().split("\n").at(-1)).toContain("(snapshot `AbCdEfGhIj`)");
  });
});
