import { z } from "zod";

/** Response headers worth keeping: validators for revalidation, and what callers read (type, errors, paging). */
export const cachedHeaderNames = ["etag", "last-modified", "content-type", "x-error-code", "link"] as const;

export const cachedResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  /** Epoch milliseconds after which the entry must be revalidated before use. */
  expiresAt: z.number(),
});

export type CachedResponse = z.infer<typeof cachedResponseSchema>;

/** Storage for HTTP responses; entries outlive their freshness so they can be revalidated. */
export interface HttpCache {
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, entry: CachedResponse): Promise<void>;
}

/** A process-local cache for the CLI and tests; the app uses the SQLite one. */
export function createMemoryHttpCache(): HttpCache {
  const entries = new Map<string, CachedResponse>();
  return {
    async get(key) {
      return entries.get(key) ?? null;
    },
    async set(key, entry) {
      entries.set(key, entry);
    },
  };
}

export function pickCachedHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of cachedHeaderNames) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}
