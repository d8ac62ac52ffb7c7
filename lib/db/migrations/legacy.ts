import type BetterSqlite3 from "better-sqlite3";

/** One step of the SQLite-only schema of earlier builds; its position (1-based) is the user_version it produces. */
export interface LegacyStep {
  name: string;
  sql: string;
}

/**
 * The schema steps SQLite files went through before the Kysely migrations, frozen: a file an earlier build made
 * (user_version 1 to 4) is brought to step 4 here, and the baseline migration then finds its tables in place.
 * Never edit or extend this list; new schema goes in a Kysely migration.
 */
export const LEGACY_STEPS: readonly LegacyStep[] = [
  {
    name: "http-cache",
    sql: `
      CREATE TABLE http_cache (
        key        TEXT PRIMARY KEY,
        status     INTEGER NOT NULL,
        headers    TEXT NOT NULL,
        body       TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        stored_at  INTEGER NOT NULL
      );
      CREATE INDEX http_cache_expires_at ON http_cache (expires_at);
    `,
  },
  {
    // owned by lib/db/snapshots.ts: immutable report snapshots behind /r/{id}
    name: "report-snapshots",
    sql: `
      CREATE TABLE snapshots (
        id          TEXT PRIMARY KEY,
        model_key   TEXT NOT NULL,
        source      TEXT NOT NULL,
        model_id    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        class       INTEGER NOT NULL,
        provisional INTEGER NOT NULL,
        report_json TEXT NOT NULL
      );
      CREATE INDEX snapshots_model_created ON snapshots (model_key, created_at DESC);
      CREATE INDEX snapshots_created ON snapshots (created_at DESC);
    `,
  },
  {
    // owned by lib/registry/store.ts: the vendored MOT records, classified, for the /models list
    name: "registry-records",
    sql: `
      CREATE TABLE registry_records (
        file           TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        blob_sha       TEXT NOT NULL,
        producer       TEXT NOT NULL,
        date           TEXT,
        class          INTEGER NOT NULL,
        progress_json  TEXT NOT NULL,
        total_progress REAL NOT NULL,
        hf_id          TEXT,
        github_repo    TEXT,
        licenses       TEXT NOT NULL,
        statuses       TEXT NOT NULL,
        yaml           TEXT NOT NULL
      );
      CREATE INDEX registry_records_name ON registry_records (name COLLATE NOCASE);
      CREATE INDEX registry_records_rank ON registry_records (total_progress DESC, name);
      CREATE INDEX registry_records_hf_id ON registry_records (hf_id COLLATE NOCASE);
      CREATE INDEX registry_records_github_repo ON registry_records (github_repo COLLATE NOCASE);
      CREATE TABLE registry_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    // owned by lib/db/response-cache.ts: upstream answers kept for revalidation (not an RFC 9111 HTTP cache)
    name: "rename-response-cache",
    sql: `
      ALTER TABLE http_cache RENAME TO response_cache;
      DROP INDEX http_cache_expires_at;
      CREATE INDEX response_cache_expires_at ON response_cache (expires_at);
    `,
  },
];

/** Brings a file of an earlier build up to the last legacy step; a new file (user_version 0) is left to the migrations. */
export function upgradeLegacyFile(sqlite: BetterSqlite3.Database): void {
  const version = Number(sqlite.pragma("user_version", { simple: true }));
  if (version > LEGACY_STEPS.length) {
    throw new Error(`the SQLite file's schema version ${version} is newer than this build knows (${LEGACY_STEPS.length})`);
  }
  if (version === 0) {
    return;
  }
  LEGACY_STEPS.slice(version).forEach((step, index) => {
    sqlite.transaction(() => {
      sqlite.exec(step.sql);
      sqlite.pragma(`user_version = ${version + index + 1}`);
    })();
  });
}
