import { describe, expect, it } from "vitest";
import { parseBadgeFramework, reportBadgeSvg } from "@/lib/frameworks/badge";
import type { Report, ReportComponent } from "@/lib/report/schema";
import { sampleReport } from "@/tests/unit/report/sample";

const withComponent = (report: Report, cid: number, patch: Partial<ReportComponent>): Report => ({
  ...report,
  components: report.components.map((c) => (c.cid === cid ? { ...c, ...patch } : c)),
});

describe("badge framework", () => {
  it("is MOF unless the URL asks for OSAID, and names the frameworks otherwise", () => {
    expect(parseBadgeFramework(null)).toEqual({ ok: true, framework: "mof" });
    expect(parseBadgeFramework("osaid")).toEqual({ ok: true, framework: "osaid" });
    expect(parseBadgeFramework("OSAID")).toEqual({ ok: false, message: "framework must be mof or osaid" });
  });

  it("draws the OSAID verdict of the report, coloured by it", () => {
    const meets = reportBadgeSvg(sampleReport(), "osaid", "flat");
    expect(meets).toContain('aria-label="OSAID 1.0: meets"');
    expect(meets).toContain('fill="#1a7f37"');
    const judgement = reportBadgeSvg(withComponent(sampleReport(), 22, { status: "missing", license: null, licenses: [] }), "osaid", "flat");
    expect(judgement).toContain('aria-label="OSAID 1.0: unknown (judgement)"');
    const fails = reportBadgeSvg(withComponent(sampleReport(), 16, { status: "missing", license: null, licenses: [] }), "osaid", "flat");
    expect(fails).toContain('fill="#b42318"');
    expect(fails).toContain('aria-label="OSAID 1.0: fails"');
  });

  it("is grey and unknown without a report, and the MOF badge is unchanged", () => {
    expect(reportBadgeSvg(null, "osaid", "flat")).toContain('aria-label="OSAID 1.0: unknown"');
    expect(reportBadgeSvg(null, "osaid", "flat")).toContain('fill="#9f9f9f"');
    expect(reportBadgeSvg(sampleReport(), "mof", "flat")).toContain('aria-label="MOF: Class I"');
  });
});
