import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isStorageUnavailable, loadDatabaseConfig, openDatabase } from "@/lib/db";
import { useStorage } from "@/tests/helpers/databases";

const storage = useStorage();

describe("PostgreSQL settings from the environment", () => {
  it("cuts a statement off at MOFSCOPE_DB_STATEMENT_TIMEOUT_MS: a 503-class error, not an outage", async () => {
    const { config } = await storage.fresh("postgres");
    if (config.dialect !== "postgres") {
      throw new Error("expected a PostgreSQL database");
    }
    const database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: config.url, MOFSCOPE_DB_STATEMENT_TIMEOUT_MS: "200" }), { log: () => undefined });
    try {
      const failure = await sql`SELECT pg_sleep(5)`.execute(database.db).catch((error: unknown) => error);
      expect(isStorageUnavailable(failure)).toBe(true);
      expect((failure as Error).message).toBe("a database statement ran out of time");
      expect(database.health.down).toBe(false);
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });

  it("opens no more than MOFSCOPE_DB_POOL connections however many queries wait", async () => {
    const { config } = await storage.fresh("postgres");
    if (config.dialect !== "postgres") {
      throw new Error("expected a PostgreSQL database");
    }
    const database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: config.url, MOFSCOPE_DB_POOL: "2" }));
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    try {
      const name = new URL(config.url).pathname.slice(1);
      const sessions = async () =>
        Number((await admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'mofscope'", [name])).rows[0]?.n);
      const queries = Array.from({ length: 6 }, () => sql`SELECT pg_sleep(0.3)`.execute(database.db));
      let most = 0;
      let settled = false;
      const all = Promise.all(queries).finally(() => {
        settled = true;
      });
      while (!settled) {
        most = Math.max(most, await sessions());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await all;
      expect(most).toBe(2);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
