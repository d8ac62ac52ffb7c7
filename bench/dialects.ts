import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, loadDatabaseConfig, openDatabase } from "@/lib/db";
import { startCluster } from "@/tests/helpers/postgres";

/** The same figures on a fresh SQLite file and on a throwaway local PostgreSQL (fsync on), side by side. */
export async function onBothDialects<Figures>(figures: (database: Database) => Promise<Figures>): Promise<{ SQLite: Figures; PostgreSQL: Figures }> {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-bench-db-"));
  const cluster = await startCluster();
  try {
    const sqlite = await openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: join(dir, "bench.sqlite") }));
    const postgres = await openDatabase(loadDatabaseConfig({ DATABASE_URL: cluster.url() }));
    try {
      return { SQLite: await figures(sqlite), PostgreSQL: await figures(postgres) };
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  } finally {
    await cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
