import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSqliteResponseCache, type Db, migrate, migrations, openDatabase } from "@/lib/db";

const dirs: string[] = [];
const dbs: Db[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) {
    if (db.open) {
      db.close();
    }
  }
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-db-"));
  dirs.push(dir);
  return join(dir, "nested", "data", "test.db");
}

function open(file: string): Db {
  const db = openDatabase(file);
  dbs.push(db);
  return db;
}

describe("openDatabase", () => {
  it("creates missing folders, enables WAL and applies every migration", () => {
    const file = tempFile();
    const db = open(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
  });

  it("is idempotent when reopened", () => {
    const file = tempFile();
    open(file).close();
    expect(open(file).pragma("user_version", { simple: true })).toBe(migrations.length);
  });

  it("applies only the migrations added since the last run", () => {
    const db = open(tempFile());
    migrate(db, [...migrations, { name: "extra", sql: "CREATE TABLE extra (id INTEGER PRIMARY KEY);" }]);
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length + 1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ name: "extra" });
  });

  it("refuses a database newer than the code", () => {
    const db = open(tempFile());
    expect(() => migrate(db, [])).toThrow(/newer than this build/);
  });
});

describe("createSqliteResponseCache", () => {
  it("round-trips an entry and overwrites it on set", async () => {
    const cache = createSqliteResponseCache(open(tempFile()));
    const entry = { status: 200, headers: { etag: '"a"' }, body: "{}", expiresAt: 10 };
    await cache.set("k", entry);
    expect(await cache.get("k")).toEqual(entry);
    await cache.set("k", { ...entry, body: "[]" });
    expect((await cache.get("k"))?.body).toBe("[]");
    expect(await cache.get("missing")).toBeNull();
  });

  it("reads a corrupt row as a miss", async () => {
    const db = open(tempFile());
    db.prepare("INSERT INTO response_cache VALUES ('bad', 200, 'not json', '', 0, 0)").run();
    expect(await createSqliteResponseCache(db).get("bad")).toBeNull();
  });

  it("prunes entries stale for longer than the given age", async () => {
    const cache = createSqliteResponseCache(open(tempFile()), () => 1_000_000);
    await cache.set("old", { status: 200, headers: {}, body: "", expiresAt: 1 });
    await cache.set("new", { status: 200, headers: {}, body: "", expiresAt: 999_999 });
    expect(cache.prune(1000)).toBe(1);
    expect(await cache.get("new")).not.toBeNull();
  });
});
