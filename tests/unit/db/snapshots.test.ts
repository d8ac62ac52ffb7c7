import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "@/lib/db";
import { createSnapshotStore, type SnapshotStore } from "@/lib/db/snapshots";
import { auditedReport, sampleReport } from "@/tests/unit/report/sample";

let dir: string;
let db: Db;
let store: SnapshotStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mofscope-store-"));
  db = openDatabase(join(dir, "test.sqlite"));
  store = createSnapshotStore(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("createSnapshotStore", () => {
  it("stores a report under a 10-character base62 id and reads it back unchanged", () => {
    const saved = store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    expect(saved.id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(store.get(saved.id)).toEqual(saved);
  });

  it("gives two audits of one model different ids and serves the newest as latest", () => {
    const first = store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    const second = store.save(auditedReport({ class: 3 }), new Date("2025-03-02T00:00:00Z"));
    expect(first.id).not.toBe(second.id);
    expect(store.latest("hf", "llm360/amber")?.report.id).toBe(second.id);
    expect(store.history("hf", "LLM360/Amber").map((s) => s.id)).toEqual([second.id, first.id]);
  });

  it("stores an identical YAML record once", () => {
    const a = store.save(sampleReport(), new Date("2025-03-01T00:00:00Z"));
    const b = store.save(sampleReport(), new Date("2025-03-05T00:00:00Z"));
    expect(b.id).toBe(a.id);
    expect(b.fetchedAt).toBe(a.fetchedAt);
  });

  it("lists only audited models among the recent ones, one row per model", () => {
    store.save(sampleReport());
    store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    const latest = store.save(auditedReport(), new Date("2025-03-02T00:00:00Z"));
    expect(store.recent(10).map((s) => s.id)).toEqual([latest.id]);
  });

  it("gives the newest full report of every audited model, and no classified records", () => {
    store.save(sampleReport());
    store.save(auditedReport(), new Date("2025-03-01T00:00:00Z"));
    const amber = store.save(auditedReport({ class: 3 }), new Date("2025-03-02T00:00:00Z"));
    const olmo = store.save(auditedReport({ model: { ...auditedReport().model, id: "allenai/OLMo-7B" } }), new Date("2025-03-03T00:00:00Z"));
    expect(store.latestAudited().map((s) => [s.report.id, s.report.class, s.createdAt])).toEqual([
      [olmo.id, olmo.class, "2025-03-03T00:00:00.000Z"],
      [amber.id, 3, "2025-03-02T00:00:00.000Z"],
    ]);
    expect(store.latestAudited(1)).toHaveLength(1);
  });

  it("answers null for unknown and malformed ids", () => {
    expect(store.get("ZZZZZZZZZZ")).toBeNull();
    expect(store.get("'; DROP TABLE snapshots; --")).toBeNull();
  });

  it("survives reopening the database file", () => {
    const saved = store.save(auditedReport());
    db.close();
    db = openDatabase(join(dir, "test.sqlite"));
    expect(createSnapshotStore(db).get(saved.id)).toEqual(saved);
  });
});
