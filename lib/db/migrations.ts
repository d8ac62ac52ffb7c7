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
];
