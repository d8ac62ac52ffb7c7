import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, migrationsFor } from "@/lib/db";
import { createIndexModelStore, type IndexModelStore } from "@/lib/db/index-models";
import { BadCursorError, createLeaderboardStore, type LeaderboardStore } from "@/lib/db/leaderboard";
import { createSnapshotStore, type SnapshotStore } from "@/lib/db/snapshots";
import type { IndexSort } from "@/lib/report/index-params";
import type { Report } from "@/lib/report/schema";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";
import { auditedReport } from "@/tests/unit/report/sample";

const storage = useStorage();

interface Shape {
  cls: Report["class"];
  progress?: number;
  licences?: string[];
  gaps?: { cid: number; name: string; status?: string }[];
  sha?: string | null;
  task?: string | null;
  source?: "hf" | "github" | "yaml";
}

// a report with exactly the grade a test wants: class, progress toward the next class, licences and gaps
function graded(id: string, { cls, progress = 0, licences = [], gaps = [], sha = "a".repeat(40), task = null, source = "hf" }: Shape): Report {
  const base = auditedReport();
  const next =
    cls === 1
      ? null
      : { class: (cls === 0 ? 3 : cls - 1) as 1 | 2 | 3, items: gaps.map((g) => ({ ...g, status: g.status ?? "missing", license: null, fix: null })) };
  const full = { "1": 0, "2": 0, "3": 0, ...(next ? { [String(next.class)]: progress } : {}) } as Report["progress"];
  return {
    ...base,
    class: cls,
    progress: full,
    next,
    components: base.components.map((c, i) => ({ ...c, license: licences[i] ?? null })),
    model: { ...base.model, source, id, sha },
    modelInfo: base.modelInfo === undefined ? undefined : { ...base.modelInfo, task },
    ...(task === null ? {} : { modelInfo: { ...(base.modelInfo ?? emptyInfo), task } }),
  };
}

const emptyInfo: NonNullable<Report["modelInfo"]> = {
  task: null,
  libraryName: null,
  architectures: [],
  modelType: null,
  languages: [],
  baseModels: [],
  createdAt: null,
  lastModified: null,
  summary: null,
  datasets: [],
  metrics: [],
  sections: { intendedUse: null, limitations: null, ethics: null, environment: null, training: null, preprocessing: null },
  emissions: null,
};

const EVAL_CODE = { cid: 18, name: "Evaluation code" };
const TRAIN_CODE = { cid: 7, name: "Training code" };
const DATASETS = { cid: 15, name: "Datasets" };

async function walk(board: LeaderboardStore, sort: IndexSort, limit: number, filter = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await board.page({ sort, limit, cursor, filter });
    ids.push(...page.items.map((item) => item.modelId));
    cursor = page.nextCursor;
    if (cursor === null) {
      return ids;
    }
  }
  throw new Error("the cursor never ran out");
}

describe.each(DIALECTS_UNDER_TEST)("createLeaderboardStore on %s", (dialect) => {
  let snapshots: SnapshotStore;
  let index: IndexModelStore;
  let board: LeaderboardStore;

  beforeEach(async () => {
    const database = await storage.open(dialect);
    snapshots = createSnapshotStore(database);
    index = createIndexModelStore(database);
    board = createLeaderboardStore(database);
  });

  const at = (day: number) => new Date(Date.UTC(2025, 2, day));

  async function seedFive() {
    await snapshots.save(graded("acme/none-low", { cls: 0, progress: 20, licences: ["MIT"], gaps: [EVAL_CODE, DATASETS] }), at(1));
    await snapshots.save(graded("acme/three", { cls: 3, progress: 40, licences: ["Apache-2.0"], gaps: [EVAL_CODE], task: "text-generation" }), at(2));
    await snapshots.save(graded("Beta/one", { cls: 1, licences: ["Apache-2.0", "CC-BY-4.0"] }), at(3));
    await snapshots.save(graded("beta/two", { cls: 2, progress: 10, licences: ["MIT"], gaps: [TRAIN_CODE] }), at(4));
    await snapshots.save(graded("acme/none-high", { cls: 0, progress: 90, gaps: [DATASETS, { ...EVAL_CODE, status: "unknown" }] }), at(5));
  }

  it("lists the most open first (Class I, II, III, then none by progress) and pages through every model once", async () => {
    await seedFive();
    const first = await board.page({ limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.modelId)).toEqual(["Beta/one", "beta/two"]);
    expect(first.items[0]).toMatchObject({ class: 1, nextClass: null, progress: 100, licences: ["Apache-2.0", "CC-BY-4.0"], org: "beta" });
    expect(first.items[1]).toMatchObject({ class: 2, nextClass: 1, progress: 10 });
    expect(await walk(board, "openness", 2)).toEqual(["Beta/one", "beta/two", "acme/three", "acme/none-high", "acme/none-low"]);
    expect(await walk(board, "openness", 200)).toEqual(["Beta/one", "beta/two", "acme/three", "acme/none-high", "acme/none-low"]);
  });

  it("sorts by last audit and by downloads, models the Hub never listed last", async () => {
    await seedFive();
    expect(await walk(board, "audited", 2)).toEqual(["acme/none-high", "beta/two", "Beta/one", "acme/three", "acme/none-low"]);
    await index.recordListed([
      { id: "acme/three", sha: "a".repeat(40), lastModified: null, pipelineTag: "text-generation", downloads: 500 },
      { id: "beta/two", sha: "a".repeat(40), lastModified: null, pipelineTag: null, downloads: 9000 },
      { id: "acme/none-low", sha: "a".repeat(40), lastModified: null, pipelineTag: null, downloads: 500 },
    ]);
    expect(await walk(board, "downloads", 1)).toEqual(["beta/two", "acme/none-low", "acme/three", "acme/none-high", "beta/one"].map(idCase));
    const page = await board.page({ sort: "downloads", limit: 1 });
    expect(page.items[0]?.downloads).toBe(9000);
  });

  it("filters by organisation, class, licence and pipeline, with the total of the filter", async () => {
    await seedFive();
    await index.recordListed([{ id: "beta/two", sha: "a".repeat(40), lastModified: null, pipelineTag: "image-classification", downloads: 1 }]);
    const ids = async (filter: object) => (await board.page({ filter })).items.map((i) => i.modelId);
    expect(await ids({ org: "ACME" })).toEqual(["acme/three", "acme/none-high", "acme/none-low"]);
    expect(await ids({ class: 0 })).toEqual(["acme/none-high", "acme/none-low"]);
    expect(await ids({ licence: "MIT" })).toEqual(["beta/two", "acme/none-low"]);
    expect(await ids({ licence: "MIT", org: "beta" })).toEqual(["beta/two"]);
    expect(await ids({ pipeline: "text-generation" })).toEqual(["acme/three"]);
    // the Hub's pipeline tag stands in when the audit read none
    expect(await ids({ pipeline: "image-classification" })).toEqual(["beta/two"]);
    expect((await board.page({ filter: { org: "acme" }, limit: 1 })).total).toBe(3);
    expect(await walk(board, "openness", 1, { org: "acme" })).toEqual(["acme/three", "acme/none-high", "acme/none-low"]);
  });

  it("flags a model stale when the Hub's head commit differs from its latest audit's", async () => {
    await snapshots.save(graded("acme/moved", { cls: 3, sha: "1".repeat(40) }), at(1));
    await snapshots.save(graded("acme/same", { cls: 3, sha: "2".repeat(40) }), at(1));
    await snapshots.save(graded("acme/unlisted", { cls: 3, sha: "3".repeat(40) }), at(1));
    await snapshots.save(graded("acme/no-commit", { cls: 3, sha: null }), at(1));
    await index.recordListed([
      { id: "acme/moved", sha: "9".repeat(40), lastModified: null, pipelineTag: null, downloads: null },
      { id: "acme/same", sha: "2".repeat(40), lastModified: null, pipelineTag: null, downloads: null },
      { id: "acme/no-commit", sha: "4".repeat(40), lastModified: null, pipelineTag: null, downloads: null },
    ]);
    const stale = (await board.page({ filter: { stale: true } })).items.map((i) => i.modelId);
    expect(stale).toEqual(["acme/moved", "acme/no-commit"]);
    expect((await board.page({ filter: { stale: false } })).items.map((i) => i.modelId)).toEqual(["acme/same", "acme/unlisted"]);
    expect((await board.page()).items.find((i) => i.modelId === "acme/moved")).toMatchObject({ stale: true, auditedSha: "1".repeat(40) });
  });

  it("grades the newest snapshot of a model, whatever order snapshots arrive in, and only audits", async () => {
    await snapshots.save(graded("acme/model", { cls: 0, progress: 50 }), at(2));
    await snapshots.save(graded("acme/model", { cls: 3, progress: 70 }), at(3));
    // an older audit stored late does not replace the newer grade
    await snapshots.save(graded("acme/model", { cls: 2 }), at(1));
    await snapshots.save(graded("Amber.yml", { cls: 1, source: "yaml" }), at(4));
    const page = await board.page();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ modelId: "acme/model", class: 3, progress: 70, auditedAt: at(3).toISOString() });
    expect(page.items[0]?.snapshotId).toBe((await snapshots.latest("hf", "acme/model"))?.report.id);
  });

  it("counts models per class and names the most common gap, overall and per organisation", async () => {
    await seedFive();
    expect(await board.distribution()).toEqual({ total: 5, byClass: { 0: 2, 1: 1, 2: 1, 3: 1 } });
    expect(await board.distribution({ org: "beta" })).toEqual({ total: 2, byClass: { 0: 0, 1: 1, 2: 1, 3: 0 } });
    // Evaluation code is missing for two, Datasets for two: the tie goes to the name first in byte order
    expect(await board.commonGap()).toEqual({ value: "Datasets", models: 2 });
    expect(await board.commonGap({ org: "beta" })).toEqual({ value: "Training code", models: 1 });
    expect(await board.commonGap({ class: 1 })).toBeNull();
    expect(await board.facets()).toEqual({
      licences: [
        { value: "Apache-2.0", models: 2 },
        { value: "MIT", models: 2 },
        { value: "CC-BY-4.0", models: 1 },
      ],
      pipelines: [{ value: "text-generation", models: 1 }],
    });
    expect(await board.org("Beta")).toEqual({ graded: 2, listed: 0 });
    expect(await board.org("nobody")).toEqual({ graded: 0, listed: 0 });
  });

  it("refuses a cursor it did not write for that sort", async () => {
    await seedFive();
    const { nextCursor } = await board.page({ limit: 1 });
    expect(nextCursor).not.toBeNull();
    await expect(board.page({ sort: "audited", cursor: nextCursor })).rejects.toThrow(BadCursorError);
    await expect(board.page({ cursor: "not-a-cursor" })).rejects.toThrow(BadCursorError);
    const forged = Buffer.from(JSON.stringify({ s: "openness", k: ["x", 1, "acme/a"] })).toString("base64url");
    await expect(board.page({ cursor: forged })).rejects.toThrow(BadCursorError);
  });

  it("grades the snapshots a database held before grades were kept, when it migrates", async () => {
    const fresh = await storage.fresh(dialect);
    const old = await fresh.open({ migrate: false });
    const { "0005-leaderboard": _, ...before } = migrationsFor(old.sql);
    await migrateToLatest(old.db, before, old.sql);
    const rows = [
      { id: "aaaaaaaaa1", report: graded("acme/old", { cls: 3, progress: 10 }), at: at(1) },
      { id: "aaaaaaaaa2", report: graded("acme/old", { cls: 2, progress: 60 }), at: at(2) },
      { id: "aaaaaaaaa3", report: graded("beta/other", { cls: 0, gaps: [EVAL_CODE] }), at: at(1) },
    ];
    for (const row of rows) {
      await sql`INSERT INTO snapshots (id, model_key, source, model_id, created_at, class, provisional, report_json)
        VALUES (${row.id}, ${`hf:${row.report.model.id}`}, 'hf', ${row.report.model.id}, ${row.at.toISOString()}, ${row.report.class}, 0, ${JSON.stringify({ ...row.report, id: row.id })})`.execute(
        old.db,
      );
    }
    expect(await migrateToLatest(old.db, migrationsFor(old.sql), old.sql)).toEqual(["0005-leaderboard"]);
    const migrated = createLeaderboardStore(old);
    const page = await migrated.page();
    expect(page.items.map((i) => [i.modelId, i.class, i.progress, i.snapshotId])).toEqual([
      ["acme/old", 2, 60, "aaaaaaaaa2"],
      ["beta/other", 0, 0, "aaaaaaaaa3"],
    ]);
    expect(await migrated.commonGap()).toEqual({ value: "Evaluation code", models: 1 });
  });
});

// the index lists beta/one as the audit spelt it
function idCase(id: string): string {
  return id === "beta/one" ? "Beta/one" : id;
}
