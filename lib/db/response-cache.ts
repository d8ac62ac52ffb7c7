import { z } from "zod";
import { type CachedResponse, cachedResponseSchema, type ResponseCache } from "@/lib/fetchers/response-cache";
import type { Db } from "./database";

const rowSchema = z.object({
  status: z.number().int(),
  headers: z.string(),
  body: z.string(),
  expires_at: z.number(),
});

/** ResponseCache over the response_cache table; a corrupt row reads as a miss rather than an error. */
export function createSqliteResponseCache(db: Db, now: () => number = Date.now): ResponseCache & { prune(olderThanMs: number): number } {
  const select = db.prepare("SELECT status, headers, body, expires_at FROM response_cache WHERE key = ?");
  const upsert = db.prepare(
    `INSERT INTO response_cache (key, status, headers, body, expires_at, stored_at)
     VALUES (@key, @status, @headers, @body, @expiresAt, @storedAt)
     ON CONFLICT (key) DO UPDATE SET status = excluded.status, headers = excluded.headers,
       body = excluded.body, expires_at = excluded.expires_at, stored_at = excluded.stored_at`,
  );
  const remove = db.prepare("DELETE FROM response_cache WHERE expires_at < ?");

  return {
    async get(key) {
      const row = rowSchema.safeParse(select.get(key));
      if (!row.success) {
        return null;
      }
      let headers: unknown;
      try {
        headers = JSON.parse(row.data.headers);
      } catch {
        return null;
      }
      const entry = cachedResponseSchema.safeParse({ ...row.data, headers, expiresAt: row.data.expires_at });
      return entry.success ? entry.data : null;
    },
    async set(key, entry: CachedResponse) {
      upsert.run({
        key,
        status: entry.status,
        headers: JSON.stringify(entry.headers),
        body: entry.body,
        expiresAt: entry.expiresAt,
        storedAt: now(),
      });
    },
    /** Deletes entries stale for longer than olderThanMs; returns how many went. */
    prune(olderThanMs) {
      return remove.run(now() - olderThanMs).changes;
    },
  };
}
