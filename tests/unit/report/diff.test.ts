import { describe, expect, it } from "vitest";
import { diffReports } from "@/lib/report/diff";
import { auditedReport } from "./sample";

describe("diffReports", () => {
  it("reports no change between identical snapshots", () => {
    expect(diffReports(auditedReport(), auditedReport()).same).toBe(true);
  });

  it("names class, progress, status and licence changes", () => {
    const before = auditedReport();
    const components = before.components.map((c) => (c.cid === 15 ? { ...c, status: "missing" as const, license: null } : c));
    const after = auditedReport({ class: 2, progress: { ...before.progress, 1: 90 }, components });
    const diff = diffReports(before, after);
    expect(diff.same).toBe(false);
    expect(diff.class).toEqual({ from: 1, to: 2 });
    expect(diff.progress).toEqual([{ cls: 1, from: before.progress[1], to: 90 }]);
    expect(diff.components).toEqual([
      {
        cid: 15,
        name: "Datasets",
        status: { from: "included", to: "missing" },
        license: { from: before.components.find((c) => c.cid === 15)?.license ?? null, to: null },
      },
    ]);
  });

  it("notices a grade becoming provisional", () => {
    expect(diffReports(auditedReport(), auditedReport({ provisional: true })).provisional).toEqual({ from: false, to: true });
  });
});
