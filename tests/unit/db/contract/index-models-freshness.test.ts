import { describe, expect, it } from "vitest";
import { createIndexModelStore } from "@/lib/db/index-models";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";

const storage = useStorage();
const HOUR = 60 * 60_000;
const at = (iso: string) => new Date(iso);

describe.each(DIALECTS_UNDER_TEST)("model head checks on %s", (dialect) => {
  it("are taken once per window for a model, across instances on one database", async () => {
    const shared = await storage.fresh(dialect);
    const a = createIndexModelStore(await shared.open());
    const b = createIndexModelStore(await shared.open());
    // a model the index never listed: the first check makes its row
    expect(await a.claimHeadCheck("Org/Model", HOUR, at("2026-03-01T10:00:00.000Z"))).toBe(true);
    expect(await b.claimHeadCheck("org/model", HOUR, at("2026-03-01T10:00:01.000Z"))).toBe(false);
    expect(await a.claimHeadCheck("org/model", HOUR, at("2026-03-01T10:59:59.999Z"))).toBe(false);
    expect(await a.claimHeadCheck("org/other", HOUR, at("2026-03-01T10:30:00.000Z"))).toBe(true);
    expect(await b.claimHeadCheck("org/model", HOUR, at("2026-03-01T11:00:00.000Z"))).toBe(true);
    expect(await a.claimHeadCheck("org/model", HOUR, at("2026-03-01T11:00:00.000Z"))).toBe(false);
    // two instances asking at the same moment: one of them gets it
    const together = await Promise.all([a, b].map((store) => store.claimHeadCheck("org/model", HOUR, at("2026-03-01T12:30:00.000Z"))));
    expect(together.filter(Boolean)).toHaveLength(1);
  });

  it("count a listing as a check, and keep what the Hub said of the head", async () => {
    const store = createIndexModelStore(await storage.open(dialect));
    const listed = { id: "org/listed", sha: "a".repeat(40), lastModified: "2026-02-01T00:00:00.000Z", pipelineTag: null, downloads: 1 };
    await store.recordListed([listed], at("2026-03-01T10:00:00.000Z"));
    expect(await store.claimHeadCheck("org/listed", HOUR, at("2026-03-01T10:30:00.000Z"))).toBe(false);
    await store.recordHead("org/listed", { sha: "b".repeat(40), lastModified: "2026-03-01T09:00:00.000Z" }, at("2026-03-01T11:30:00.000Z"));
    expect(await store.get("org/listed")).toMatchObject({
      sha: "b".repeat(40),
      last_modified: "2026-03-01T09:00:00.000Z",
      head_checked_at: "2026-03-01T11:30:00.000Z",
      audited_sha: null,
    });
    expect(await store.claimHeadCheck("org/listed", HOUR, at("2026-03-01T12:00:00.000Z"))).toBe(false);
    expect(await store.claimHeadCheck("org/listed", HOUR, at("2026-03-01T12:30:00.000Z"))).toBe(true);
  });
});
