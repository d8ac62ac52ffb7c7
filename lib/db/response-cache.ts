import { z } from "zod";
import { type CachedResponse, cachedResponseSchema, type ResponseCache } from "@/lib/fetchers/response-cache";
import type { Database } from "./database";
import { defaultDatabase } from "./default";
import { isStorageUnavailable } from "./health";
import { startupMessage } from "./startup";

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

// the cache only saves requests: while the database is out of reach a read is a miss and a write is skipped, so
// audits still run against the upstreams (the outage itself is logged once, by the database's health)
async function unlessUnavailable<T>(run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isStorageUnavailable(error)) {
      return fallback;
    }
    throw error;
  }
}

/** ResponseCache over the response_cache table; a corrupt row, or an unreachable database, reads as a miss. */
export function createResponseCache({ db }: Database, now: () => number = Date.now): StoredResponseCache {
  return {
    async get(key) {
      const found = await unlessUnavailable(
        () => db.selectFrom("response_cache").select(["status", "headers", "body", "expires_at"]).where("key", "=", key).executeTakeFirst(),
        undefined,
      );
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
      await unlessUnavailable(
        () =>
          db
            .insertInto("response_cache")
            .values({ key, ...row })
            .onConflict((conflict) => conflict.column("key").doUpdateSet(row))
            .execute(),
        [],
      );
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

/**
 * The response cache on the default database, opened on first use. A database that cannot be opened (a CLI run with
 * an unreachable DATABASE_URL) turns this cache off, said once on stderr, and the audit goes to the upstreams.
 */
export function defaultResponseCache(log: (line: string) => void = (line) => console.error(line)): ResponseCache {
  let warned = false;
  const open = async () => {
    try {
      return createResponseCache(await defaultDatabase());
    } catch (error) {
      if (!warned) {
        warned = true;
        log(`mofscope: the response cache is off: ${startupMessage(error)}`);
      }
      return null;
    }
  };
  return {
    get: async (key) => (await open())?.get(key) ?? null,
    set: async (key, entry) => (await open())?.set(key, entry),
  };
}
