import { beforeEach, describe, expect, it } from "vitest";
import { createSnapshotStore, type SnapshotStore } from "@/lib/db/snapshots";
import { DIALECTS_UNDER_TEST, type TestStorage, useStorage } from "@/tests/helpers/databases";
import { auditedReport, sampleReport } from "@/tests/unit/report/sample";

const storage = useStorage();

describe.each(DIALECTS_UNDER_TEST)("createSnapshotStore on %s", (dialect) => {
  let fresh: TestStorage;
  let store: SnapshotStore;

  beforeEach(async () => {
    fresh = await storage.fresh(dialect);
    store = createSnapshotStore(await fresh.open());
  });

  it("stores a report under a 10-character base62 id and reads it back unchanged", async () => {
    const saved = await store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    expect(saved.id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(await store.get(saved.id)).toEqual(saved);
  });

  it("gives two audits of one model different ids and serves the newest as latest", async () => {
    const first = await store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    const second = await store.save(auditedReport({ class: 3 }), new Date("2025-03-02T00:00:00Z"));
    expect(first.id).not.toBe(second.id);
    expect((await store.latest("hf", "llm360/amber"))?.report.id).toBe(second.id);
    expect((await store.history("hf", "LLM360/Amber")).map((s) => s.id)).toEqual([second.id, first.id]);
  });

  it("breaks a tie of timestamps by insertion order: the later save is the latest", async () => {
    const at = new Date("2025-03-01T00:00:00Z");
    const saved = [];
    // an order their ids sort in neither way, so only insertion order can give the expected answers
    for (const cls of [3, 0, 2, 1] as const) {
      saved.push(await store.save(auditedReport({ class: cls }), at));
    }
    expect((await store.latest("hf", "LLM360/Amber"))?.report.class).toBe(1);
    expect((await store.history("hf", "LLM360/Amber")).map((s) => s.class)).toEqual([1, 2, 0, 3]);
    expect((await store.recent(10)).map((s) => s.id)).toEqual([saved[3]?.id]);
    expect((await store.latestAudited()).map((s) => s.report.class)).toEqual([1]);
  });

  it("stores an identical YAML record once", async () => {
    const a = await store.save(sampleReport(), new Date("2025-03-01T00:00:00Z"));
    const b = await store.save(sampleReport(), new Date("2025-03-05T00:00:00Z"));
    expect(b.id).toBe(a.id);
    expect(b.fetchedAt).toBe(a.fetchedAt);
  });

  it("lists only audited models among the recent ones, one row per model", async () => {
    await store.save(sampleReport());
    await store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    const latest = await store.save(auditedReport(), new Date("2025-03-02T00:00:00Z"));
    expect((await store.recent(10)).map((s) => s.id)).toEqual([latest.id]);
  });

  it("gives the newest full report of every audited model, and no classified records", async () => {
    await store.save(sampleReport());
    await store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    const amber = await store.save(auditedReport({ class: 3 }), new Date("2025-03-02T00:00:00Z"));
    const olmo = await store.save(auditedReport({ model: { ...auditedReport().model, id: "allenai/OLMo-7B" } }), new Date("2025-03-03T00:00:00Z"));
    expect((await store.latestAudited()).map((s) => [s.report.id, s.report.class, s.createdAt])).toEqual([
      [olmo.id, olmo.class, "2025-03-03T00:00:00.000Z"],
      [amber.id, 3, "2025-03-02T00:00:00.000Z"],
    ]);
    expect(await store.latestAudited(1)).toHaveLength(1);
    expect((await store.recent(10)).map((s) => [s.id, s.provisional])).toEqual([
      [olmo.id, olmo.provisional],
      [amber.id, amber.provisional],
    ]);
  });

  it("answers null for unknown and malformed ids", async () => {
    expect(await store.get("ZZZZZZZZZZ")).toBeNull();
    expect(await store.get("'; DROP TABLE snapshots; --")).toBeNull();
    expect(await store.latest("hf", "nobody/nothing")).toBeNull();
  });

  it("survives reopening the database", async () => {
    const saved = await store.save(auditedReport());
    const reopened = createSnapshotStore(await fresh.open());
    expect(await reopened.get(saved.id)).toEqual(saved);
  });
});
