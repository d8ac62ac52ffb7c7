/** One schema step; its position in `migrations` (1-based) is the user_version it produces. */
export interface Migration {
  name: string;
  sql: string;
}

/** Ordered and append-only: never edit a shipped step, add a new one (audits, snapshots, …) at the end. */
export const migrations: readonly Migration[] = [
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
