import { type Kysely, type Migration, Migrator, sql } from "kysely";
import type { DialectSql } from "../dialect";
import { isStorageUnavailable, reasonOf } from "../health";
import type { Schema } from "../schema";
import { baseline } from "./0001-baseline";
import { hubIndex } from "./0002-hub-index";
import { cluster } from "./0003-cluster";
import { freshness } from "./0004-freshness";
import { leaderboard } from "./0005-leaderboard";

/** The versioned migrations of both dialects, applied in name order; append new ones, never edit a shipped one. */
export function migrationsFor(dialect: DialectSql): Record<string, Migration> {
  return {
    "0001-baseline": baseline(dialect),
    "0002-hub-index": hubIndex,
    "0003-cluster": cluster,
    "0004-freshness": freshness,
    "0005-leaderboard": leaderboard(dialect),
  };
}

/**
 * Applies every migration the database has not seen, and returns their names. Kysely records them in
 * kysely_migration; instances starting together migrate once: on PostgreSQL Kysely's migrator holds an advisory lock
 * meanwhile, on SQLite the run holds the file's write lock (`dialect.migrationLock`), in one transaction.
 */
export async function migrateToLatest(db: Kysely<Schema>, migrations: Record<string, Migration>, dialect: DialectSql): Promise<string[]> {
  const lock = dialect.migrationLock;
  if (lock === null) {
    return migrate(db, migrations, false);
  }
  return db.connection().execute(async (connection) => {
    await sql.raw(lock).execute(connection);
    try {
      const applied = await migrate(connection, migrations, true);
      await sql`COMMIT`.execute(connection);
      return applied;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

async function migrate(db: Kysely<Schema>, migrations: Record<string, Migration>, inTransaction: boolean): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, disableTransactions: inTransaction });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    if (isStorageUnavailable(error)) {
      throw error;
    }
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`${failed === undefined ? "the migrations" : `migration ${failed}`} failed: ${reasonOf(error)}`, { cause: error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}
