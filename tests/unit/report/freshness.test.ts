import { describe, expect, it } from "vitest";
import { staleNoticeText, stalenessOf } from "@/lib/report/freshness";

const A = "a".repeat(40);
const B = "b".repeat(40);
const reportAt = (sha: string | null) => ({ model: { source: "hf" as const, id: "org/m", revision: null, sha, url: null } });

describe("stalenessOf", () => {
  it("is stale only when the observed head is known and is not the report's commit", () => {
    expect(stalenessOf(reportAt(A), { sha: B, lastModified: "2026-03-02T08:00:00.000Z" })).toEqual({ changedAt: "2026-03-02T08:00:00.000Z" });
    expect(stalenessOf(reportAt(A), { sha: A, lastModified: "2026-03-02T08:00:00.000Z" })).toBeNull();
    expect(stalenessOf(reportAt(A), { sha: null, lastModified: null })).toBeNull();
    expect(stalenessOf(reportAt(A), null)).toBeNull();
    // as the index's stale filter has it: a snapshot without a commit is not the known head
    expect(stalenessOf(reportAt(null), { sha: B, lastModified: null })).toEqual({ changedAt: null });
  });
});

describe("staleNoticeText", () => {
  it("names the day the repository changed, or says it changed since", () => {
    expect(staleNoticeText({ changedAt: "2026-03-02T08:00:00.000Z" })).toBe("stale: the repository changed on 2026-03-02; re-audit");
    expect(staleNoticeText({ changedAt: null })).toBe("stale: the repository changed since this audit; re-audit");
    expect(staleNoticeText({ changedAt: "not a date" })).toBe("stale: the repository changed since this audit; re-audit");
  });
});
