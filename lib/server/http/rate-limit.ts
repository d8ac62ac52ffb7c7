import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import { type Database, defaultDatabase } from "@/lib/db";
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

/** An in-memory token bucket per key: one process's own count, used when the database cannot keep it. */
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

/** The table the migration `0003-cluster` made with the columns rate-limiter-flexible expects. */
const TABLE = "rate_limits";
/** How often (and how long after their window) spent counters are deleted. */
const SWEEP_MS = 5 * 60_000;

function storeLimiter(database: Database, keyPrefix: string, { capacity, refillPerMinute }: RateLimiterOptions): Promise<RateLimiterStoreAbstract> {
  const options = {
    points: capacity,
    duration: Math.max(1, Math.ceil((capacity * 60) / refillPerMinute)),
    keyPrefix,
    tableName: TABLE,
    tableCreated: true,
    // the library's own sweep on SQLite leaves a failed delete unhandled, which would end the process; ours catches it
    clearExpiredByTimeout: false,
  };
  setInterval(() => {
    database.db
      .deleteFrom("rate_limits")
      .where("expire", "<", Date.now() - SWEEP_MS)
      .execute()
      .catch(() => undefined);
  }, SWEEP_MS).unref();
  return new Promise((resolve, reject) => {
    // the library may call back before its constructor returns (when it has no table to create)
    const ready = (error?: unknown) => queueMicrotask(() => (error ? reject(error) : resolve(limiter)));
    const limiter =
      database.driver.kind === "postgres"
        ? new RateLimiterPostgres({ ...options, storeClient: database.driver.pool, storeType: "pg" }, ready)
        : new RateLimiterSQLite({ ...options, storeClient: database.driver.client, storeType: "better-sqlite3" }, ready);
  });
}

/**
 * A limiter counted in the database, so every instance (and every process on one SQLite file) spends from one count
 * per key: a fixed window of `capacity` audits per `capacity / refillPerMinute` minutes. While the database does not
 * answer, each process counts on its own instead of refusing everyone or letting everyone through.
 */
export function createStoredRateLimiter(database: () => Promise<Database>, options: RateLimiterOptions, keyPrefix = "audit"): RateLimiter {
  let stored: Promise<RateLimiterStoreAbstract> | undefined;
  const open = () => {
    if (stored === undefined) {
      const opening = database().then((opened) => storeLimiter(opened, keyPrefix, options));
      stored = opening;
      // a database that failed to open is tried again on a later take
      opening.catch(() => {
        if (stored === opening) {
          stored = undefined;
        }
      });
    }
    return stored;
  };
  const fallback = createRateLimiter(options);
  return {
    async take(key) {
      try {
        await (await open()).consume(key);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        }
        return fallback.take(key);
      }
    },
  };
}

const globalForLimiter = globalThis as unknown as {
  mofscopeAuditLimiter?: RateLimiter;
  mofscopeClassifyLimiter?: RateLimiter;
  mofscopeWriteLimiter?: RateLimiter;
};

/**
 * The process-wide limiter for everything that reaches an upstream or stores a snapshot: audits from pages, the API,
 * badges, exports, re-audits, a model page's first request, and classify permalinks; counted in the default
 * database, so shared by every instance on it.
 */
export function auditLimiter(): RateLimiter {
  globalForLimiter.mofscopeAuditLimiter ??= createStoredRateLimiter(defaultDatabase, limitFromEnv("MOFSCOPE_AUDIT_LIMIT", 10));
  return globalForLimiter.mofscopeAuditLimiter;
}

/** The process-wide limiter for classifications that store nothing (MOFSCOPE_CLASSIFY_LIMIT per minute per client). */
export function classifyLimiter(): RateLimiter {
  globalForLimiter.mofscopeClassifyLimiter ??= createStoredRateLimiter(defaultDatabase, limitFromEnv("MOFSCOPE_CLASSIFY_LIMIT", 60), "classify");
  return globalForLimiter.mofscopeClassifyLimiter;
}

/**
 * The process-wide limiter for the write endpoints that enqueue index jobs (the jobs API, the Hub webhook):
 * MOFSCOPE_WRITE_LIMIT per minute per client, spent before the secret is checked so guessing it is slow too.
 */
export function writeLimiter(): RateLimiter {
  globalForLimiter.mofscopeWriteLimiter ??= createStoredRateLimiter(defaultDatabase, limitFromEnv("MOFSCOPE_WRITE_LIMIT", 60), "write");
  return globalForLimiter.mofscopeWriteLimiter;
}

/** Who is asking: the key the edge (`server.ts`) set from the connection and the trusted proxies, never a client's header. */
export function clientKey(headers: Headers): string {
  return headers.get(CLIENT_HEADER) || "unknown";
}
