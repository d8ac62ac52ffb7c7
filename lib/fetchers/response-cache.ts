import { createHash } from "node:crypto";
import { z } from "zod";
import { FetchFailure } from "./errors";

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
export interface ResponseCache {
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, entry: CachedResponse): Promise<void>;
}

/** A process-local cache for the CLI and tests; the app uses the SQLite one. */
export function createMemoryResponseCache(): ResponseCache {
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
    if (value !== null) {
      picked[name] = value;
    }
  }
  return picked;
}

export const REMEMBERED_FAILURES = new Set<FetchFailure["kind"]>(["not_found", "gated"]);
const FAILURE_HEADER = "x-mofscope-failure";

export function failureEntry(failure: FetchFailure, expiresAt: number): CachedResponse {
  return { status: failure.status ?? 404, headers: { [FAILURE_HEADER]: failure.kind }, body: "", expiresAt };
}

export function rememberedFailure(entry: CachedResponse, url: string): FetchFailure | null {
  const kind = entry.headers[FAILURE_HEADER];
  return kind === "not_found" || kind === "gated" ? new FetchFailure({ kind, url, status: entry.status, detail: "remembered from the cache" }) : null;
}

// the token itself never reaches the cache: only a short digest separates anonymous from authorised entries
export function cacheKey(url: string, token: string | undefined, accept: string | undefined): string {
  const scope = token ? `auth:${createHash("sha256").update(token).digest("hex").slice(0, 16)}` : "anon";
  return `GET ${url} ${scope}${accept ? ` ${accept}` : ""}`;
}

export function validatorsOf(entry: CachedResponse | null): Record<string, string> {
  if (!entry) {
    return {};
  }
  const etag = entry.headers.etag;
  const lastModified = entry.headers["last-modified"];
  return {
    ...(etag ? { "if-none-match": etag } : {}),
    ...(lastModified ? { "if-modified-since": lastModified } : {}),
  };
}
