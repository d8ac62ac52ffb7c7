import { z } from "zod";
import { type CachedResponse, cachedResponseSchema, type ResponseCache } from "@/lib/fetchers/response-cache";
import type { Database } from "./database";
import { defaultDatabase, deferredStore } from "./default";

const rowSchema = z.object({
  status: z.number().int(),
  headers: z.string(),
  body: z.string(),
  expires_at: z.number(),
});

export interface StoredResponseCache extends ResponseCache {
  /** Deletes entries stale for longer than olderThanMs; returns how many went. */
  prune(olderThanMs: number): Promise<number>;
}

/** ResponseCache over the response_cache table; a corrupt row reads as a miss rather than an error. */
export function createResponseCache({ db }: Database, now: () => number = Date.now): StoredResponseCache {
  return {
    async get(key) {
      const found = await db.selectFrom("response_cache").select(["status", "headers", "body", "expires_at"]).where("key", "=", key).executeTakeFirst();
      const row = rowSchema.safeParse(found);
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
      const row = { status: entry.status, headers: JSON.stringify(entry.headers), body: entry.body, expires_at: entry.expiresAt, stored_at: now() };
      await db
        .insertInto("response_cache")
        .values({ key, ...row })
        .onConflict((conflict) => conflict.column("key").doUpdateSet(row))
        .execute();
    },
    async prune(olderThanMs) {
      const result = await db
        .deleteFrom("response_cache")
        .where("expires_at", "<", now() - olderThanMs)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** The response cache on the default database, opened on first use. */
export function defaultResponseCache(): StoredResponseCache {
  return deferredStore(async () => createResponseCache(await defaultDatabase()), { get: true, set: true, prune: true });
}
