import { CLIENT_HEADER } from "./internal";

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The one interface every path that reaches an upstream spends through; asynchronous so a shared store can stand behind it. */
export interface RateLimiter {
  /** Spends one token for `key`, or says how long until one is available. */
  take(key: string): Promise<TakeResult>;
}

export interface RateLimiterOptions {
  capacity: number;
  refillPerMinute: number;
  now?: () => number;
  /** Buckets kept at most; full buckets are forgotten first so memory stays bounded. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** An in-memory token bucket per key: good for one instance; a shared store replaces it when there are several. */
export function createRateLimiter({ capacity, refillPerMinute, now = Date.now, maxKeys = 10_000 }: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = refillPerMinute / 60_000;

  function refill(bucket: Bucket, t: number): void {
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
  }

  function prune(t: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= capacity) {
        buckets.delete(key);
      }
    }
  }

  return {
    async take(key) {
      const t = now();
      if (!buckets.has(key) && buckets.size >= maxKeys) {
        prune(t);
      }
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      refill(bucket, t);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perMs / 1000) };
    },
  };
}

function limitFromEnv(variable: string, fallback: number): { capacity: number; refillPerMinute: number } {
  // <variable>=<requests per minute per client>; tests raise it
  const perMinute = Number(process.env[variable] ?? String(fallback));
  const value = Number.isFinite(perMinute) && perMinute > 0 ? perMinute : fallback;
  return { capacity: value, refillPerMinute: value };
}

const globalForLimiter = globalThis as unknown as { mofscopeAuditLimiter?: RateLimiter; mofscopeClassifyLimiter?: RateLimiter };

/** The process-wide limiter for everything that reaches an upstream or stores a snapshot: audits from pages, the API, badges, exports, re-audits, a model page's first request, and classify permalinks. */
export function auditLimiter(): RateLimiter {
  globalForLimiter.mofscopeAuditLimiter ??= createRateLimiter(limitFromEnv("MOFSCOPE_AUDIT_LIMIT", 10));
  return globalForLimiter.mofscopeAuditLimiter;
}

/** The process-wide limiter for classifications that store nothing (MOFSCOPE_CLASSIFY_LIMIT per minute per client). */
export function classifyLimiter(): RateLimiter {
  globalForLimiter.mofscopeClassifyLimiter ??= createRateLimiter(limitFromEnv("MOFSCOPE_CLASSIFY_LIMIT", 60));
  return globalForLimiter.mofscopeClassifyLimiter;
}

/** Who is asking: the key the edge (`server.ts`) set from the connection and the trusted proxies, never a client's header. */
export function clientKey(headers: Headers): string {
  return headers.get(CLIENT_HEADER) || "unknown";
}
