import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createResponseCache, type Database, loadDatabaseConfig, migrateToLatest, migrationsFor, openDatabase } from "@/lib/db";
import { LEGACY_STEPS } from "@/lib/db/migrations/legacy";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { createRegistryStore } from "@/lib/registry/store";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";

const storage = useStorage();
const FIXTURE = join(import.meta.dirname, "..", "..", "fixtures", "db", "legacy-v4.sqlite");

const dirs: string[] = [];
const handles: Database[] = [];
afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-legacy-"));
  dirs.push(dir);
  return join(dir, "mofscope.sqlite");
}

async function openFile(file: string): Promise<Database> {
  const handle = await openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: file }));
  handles.push(handle);
  return handle;
}

const appliedMigrations = async ({ db }: Database) =>
  (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((r) => r.name);

const sqliteIndexes = (file: string) => {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    return raw
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'registry_records' AND sql IS NOT NULL ORDER BY name")
      .all()
      .map((r) => r.name);
  } finally {
    raw.close();
  }
};

describe.each(DIALECTS_UNDER_TEST)("migrations on %s", (dialect) => {
  it("bring a new database to the latest schema and record every step, once", async () => {
    const fresh = await storage.fresh(dialect);
    const database = await fresh.open();
    expect(await appliedMigrations(database)).toEqual(["0001-baseline", "0002-hub-index", "0003-cluster", "0004-freshness", "0005-leaderboard"]);
    expect(await migrateToLatest(database.db, migrationsFor(database.sql), database.sql)).toEqual([]);
    const again = await fresh.open();
    expect(await appliedMigrations(again)).toEqual(["0001-baseline", "0002-hub-index", "0003-cluster", "0004-freshness", "0005-leaderboard"]);
  });

  it("refuse a database that has run a migration this build does not know", async () => {
    const fresh = await storage.fresh(dialect);
    const database = await fresh.open();
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(database.db);
    await expect(fresh.open()).rejects.toThrow(/^cannot migrate .*9999-from-the-future/);
  });
});

describe("migrations on postgres, several instances starting at once", () => {
  it("migrate a new database once while every starter waits for the lock", async () => {
    const fresh = await storage.fresh("postgres");
    const opened = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
    for (const database of opened) {
      expect(await appliedMigrations(database)).toEqual(["0001-baseline", "0002-hub-index", "0003-cluster", "0004-freshness", "0005-leaderboard"]);
    }
  });
});

describe("a SQLite file of an earlier build", () => {
  it("opens with everything it held (audits, history, YAML records, cache, registry) and is migrated forward", async () => {
    const file = tempFile();
    copyFileSync(FIXTURE, file);
    const database = await openFile(file);
    const snapshots = createSnapshotStore(database);
    expect((await snapshots.history("hf", "LLM360/Amber")).map((s) => [s.id, s.class])).toEqual([
      ["rfI4HVdHxl", 3],
      ["cQlpRINqNO", 1],
    ]);
    expect((await snapshots.latest("hf", "llm360/amber"))?.report.id).toBe("rfI4HVdHxl");
    expect((await snapshots.get("HLlHGy1wdq"))?.model.source).toBe("yaml");
    expect((await snapshots.recent(10)).map((s) => s.id)).toEqual(["rfI4HVdHxl"]);
    const cached = await createResponseCache(database).get("GET https://huggingface.co/api/models/LLM360/Amber anon");
    expect(cached).toEqual({ status: 200, headers: { etag: '"e1"' }, body: '{"id":"LLM360/Amber"}', expiresAt: 1_700_000_600_000 });
    const registry = createRegistryStore(database, "/nonexistent");
    expect((await registry.byName("amber"))?.file).toBe("Amber.yml");
    expect((await registry.byHfId("allenai/olmo-7b"))?.name).toBe("OLMo-7B");
    expect((await registry.source())?.commit).toBe("8b5d30e90a7c62d7d6ece48b91e69ff495920a4d");
    expect((await registry.all()).map((r) => r.file)).toEqual(["Amber.yml", "OLMo-7B.yml", "Pythia-160M.yml"]);
    expect(await appliedMigrations(database)).toEqual(["0001-baseline", "0002-hub-index", "0003-cluster", "0004-freshness", "0005-leaderboard"]);
    // the COLLATE NOCASE indexes of the old schema gave way to lower() ones, which both dialects share
    expect(sqliteIndexes(file)).toEqual([
      "registry_records_github_repo_lower",
      "registry_records_hf_id_lower",
      "registry_records_name_lower",
      "registry_records_rank",
    ]);
  });

  it("keeps taking new snapshots after its old ones, in order", async () => {
    const file = tempFile();
    copyFileSync(FIXTURE, file);
    const snapshots = createSnapshotStore(await openFile(file));
    const newer = await snapshots.save((await snapshots.get("rfI4HVdHxl")) ?? never(), new Date("2025-03-02T00:00:00Z"));
    expect((await snapshots.latest("hf", "LLM360/Amber"))?.report.id).toBe(newer.id);
    expect(await snapshots.history("hf", "LLM360/Amber")).toHaveLength(3);
  });

  it("is brought through the old steps it missed first (user_version 2: before the registry and the rename)", async () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    for (const step of LEGACY_STEPS.slice(0, 2)) {
      raw.exec(step.sql);
    }
    raw.pragma("user_version = 2");
    raw.prepare("INSERT INTO http_cache VALUES ('k', 200, '{}', 'body', 5, 1)").run();
    raw.close();
    const database = await openFile(file);
    expect(await createResponseCache(database).get("k")).toEqual({ status: 200, headers: {}, body: "body", expiresAt: 5 });
    expect((await createRegistryStore(database, "/nonexistent").all()).length).toBe(0);
  });

  it("newer than this build is refused, with a one-line reason", async () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    raw.pragma("user_version = 5");
    raw.close();
    await expect(openFile(file)).rejects.toThrow(`cannot open SQLite ${file}: the SQLite file's schema version 5 is newer than this build knows (4)`);
  });
});

function never(): never {
  throw new Error("the fixture lacks a snapshot");
}
