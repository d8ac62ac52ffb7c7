import { describe, expect, it } from "vitest";
import { reportMarkdown } from "@/lib/report/markdown";
import { auditedReport } from "./sample";

describe("reportMarkdown", () => {
  it("summarises grade, progress, all 17 components and the source", () => {
    const md = reportMarkdown(auditedReport({ id: "AbCdEfGhIj" }), "https://mofscope.example/models/LLM360/Amber");
    expect(md).toContain("## MOF openness: LLM360/Amber");
    expect(md).toContain("**Class I (Open Science)**");
    expect(md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Component"))).toHaveLength(17);
    expect(md).toContain("(snapshot `AbCdEfGhIj`)");
    expect(md).toContain("at commit `aaaaaaaaaaaa`");
  });

  it("keeps table cells intact and markup inert", () => {
    const report = auditedReport();
    const components = report.components.map((c, i) => (i === 0 ? { ...c, license: "A|B\n<img src=x>" } : c));
    const md = reportMarkdown({ ...report, components }, "https://x");
    expect(md).toContain("A\\|B &lt;img src=x>");
  });
});
