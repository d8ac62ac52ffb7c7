import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { type Database, type DatabaseConfig, type DialectName, loadDatabaseConfig, type OpenOptions, openDatabase } from "@/lib/db";
import { createDatabase } from "./postgres";

/** A SQLite file (made, with its folders, when missing), opened and migrated. */
export function openSqliteFile(path: string, options?: OpenOptions): Promise<Database> {
  return openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: path }), options);
}

/** Both dialects, for `describe.each`: every store test runs against SQLite and against PostgreSQL. */
export const DIALECTS_UNDER_TEST: readonly DialectName[] = ["sqlite", "postgres"];

export interface TestStorage {
  readonly config: DatabaseConfig;
  /** Opens (and migrates) it; every handle is closed after the file. */
  open(options?: OpenOptions): Promise<Database>;
}

/**
 * Empty storage of either dialect for a test file: a SQLite file in a temp folder, or a database of its own on the
 * run's PostgreSQL server. Everything is closed and removed after the file.
 */
export function useStorage(): { fresh(dialect: DialectName): Promise<TestStorage>; open(dialect: DialectName, options?: OpenOptions): Promise<Database> } {
  const handles: Database[] = [];
  const disposals: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    await Promise.all(handles.splice(0).map((handle) => handle.close()));
    for (const dispose of disposals.splice(0)) {
      await dispose();
    }
  });
  const fresh = async (dialect: DialectName): Promise<TestStorage> => {
    let config: DatabaseConfig;
    if (dialect === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "mofscope-db-"));
      disposals.push(() => rmSync(dir, { recursive: true, force: true }));
      config = loadDatabaseConfig({ MOFSCOPE_DB: join(dir, "mofscope.sqlite") });
    } else {
      const database = await createDatabase(inject("postgresAdminUrl"));
      disposals.push(database.drop);
      config = loadDatabaseConfig({ DATABASE_URL: database.url });
    }
    return {
      config,
      open: async (options) => {
        const handle = await openDatabase(config, options);
        handles.push(handle);
        return handle;
      },
    };
  };
  return { fresh, open: async (dialect, options) => (await fresh(dialect)).open(options) };
}

/** How many snapshots the database holds, of one model or of all: what a test of "one audit, one snapshot" counts. */
export async function snapshotCount(database: Database, modelId?: string): Promise<number> {
  let query = database.db.selectFrom("snapshots").select((eb) => eb.fn.countAll<number>().as("n"));
  if (modelId !== undefined) {
    query = query.where("model_id", "=", modelId);
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}
