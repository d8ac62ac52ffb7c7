import pLimit, { type LimitFunction } from "p-limit";
import type { z } from "zod";
import { FetchFailure, isFetchFailure } from "./errors";
import { backoffMs, judgeResponse } from "./http-policy";
import { type RawResponse, sendOnce } from "./http-transport";
import {
  type CachedResponse,
  cacheKey,
  failureEntry,
  pickCachedHeaders,
  REMEMBERED_FAILURES,
  type ResponseCache,
  rememberedFailure,
  validatorsOf,
} from "./response-cache";
import { createSingleFlight, type SingleFlight } from "./single-flight";

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Requests in flight, by cache key; pass one set to several clients so they share one answer (an index run's jobs). */
  inFlight?: SingleFlight<Promise<HttpResult>>;
  /** Waits for this request's turn (a shared request budget) before each attempt; the wait is not part of its timeout. */
  admit?: (url: string) => Promise<void>;
  cache?: ResponseCache;
  timeoutMs?: number;
  maxRetries?: number;
  perHostConcurrency?: number;
  userAgent: string;
  /** Bearer tokens keyed by origin or base URL; the longest matching prefix wins. */
  tokens?: Record<string, string | undefined>;
  allowedOrigins: string[];
  maxBodyBytes?: number;
  cacheTtlSeconds?: number;
  /** A Retry-After above this fails at once (rate_limited) instead of holding the request. */
  maxRetryAfterSeconds?: number;
  backoffBaseMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  ttlSeconds?: number;
  /** false skips the response cache (reads and writes); single-flight still applies. */
  cache?: boolean;
}

export interface HttpResult {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpStats {
  requests: number;
  cacheHits: number;
  revalidations: number;
}

export interface HttpClient {
  get(url: string, opts?: RequestOptions): Promise<HttpResult>;
  getJson<S extends z.ZodType>(url: string, schema: S, opts?: RequestOptions): Promise<z.output<S>>;
  getText(url: string, opts?: RequestOptions): Promise<string>;
  /** fetch-compatible (GET only) for @huggingface/hub; non-2xx answers reject with FetchFailure. */
  fetchFn: typeof fetch;
  stats(): HttpStats;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The only place that talks to the network: allow-list, timeouts, retries, limits, de-dup and cache. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 2;
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const ttlDefault = options.cacheTtlSeconds ?? 600;
  const negativeTtl = Math.min(ttlDefault, 300);
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 10;
  const backoffBase = options.backoffBaseMs ?? 250;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  // entries without a token still count: they stop a shorter prefix's token leaking to that base URL
  const tokens = Object.entries(options.tokens ?? {})
    .map(([prefix, token]) => ({ prefix: prefix.replace(/\/+$/, ""), token: token || undefined }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const limiters = new Map<string, LimitFunction>();
  const inFlight = options.inFlight ?? createSingleFlight<Promise<HttpResult>>((request) => request);
  const counters: HttpStats = { requests: 0, cacheHits: 0, revalidations: 0 };

  const tokenFor = (url: string) => tokens.find(({ prefix }) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`))?.token;

  const limiterFor = (origin: string) => {
    let limiter = limiters.get(origin);
    if (!limiter) {
      limiter = pLimit(options.perHostConcurrency ?? 4);
      limiters.set(origin, limiter);
    }
    return limiter;
  };

  const headersFor = (extra: Record<string, string>) => (url: string) => {
    const token = tokenFor(url);
    return { "user-agent": options.userAgent, ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };

  async function attempt(url: string, extra: Record<string, string>): Promise<RawResponse> {
    await options.admit?.(url);
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await limiterFor(new URL(url).origin)(() =>
        sendOnce({
          fetch: fetchImpl,
          url,
          headersFor: headersFor(extra),
          signal: timeout,
          maxBodyBytes,
          maxRedirects: 5,
          isAllowed: (next) => allowed.has(next.origin),
          onRequestSent: () => counters.requests++,
        }),
      );
    } catch (error) {
      if (timeout.aborted) {
        throw new FetchFailure({ kind: "timeout", url, detail: `no answer within ${timeoutMs} ms`, cause: error });
      }
      throw error;
    }
  }

  async function send(url: string, extra: Record<string, string>): Promise<RawResponse> {
    for (let attemptNo = 0; ; attemptNo++) {
      const canRetry = attemptNo < maxRetries;
      let raw: RawResponse;
      try {
        raw = await attempt(url, extra);
      } catch (error) {
        if (isFetchFailure(error)) {
          throw error;
        }
        if (!canRetry) {
          throw new FetchFailure({ kind: "upstream_error", url, detail: "network error", cause: error });
        }
        await sleep(backoffMs(attemptNo, backoffBase, random));
        continue;
      }
      const verdict = judgeResponse({
        url,
        status: raw.status,
        headers: raw.headers,
        authSent: tokenFor(url) !== undefined,
        now: now(),
      });
      if (verdict.action === "accept") {
        return raw;
      }
      if (verdict.action === "fail") {
        throw verdict.failure;
      }
      const wait = verdict.waitSeconds;
      if (wait !== undefined && wait > maxRetryAfter) {
        throw verdict.failure;
      }
      if (!canRetry) {
        throw verdict.failure;
      }
      await sleep(wait === undefined ? backoffMs(attemptNo, backoffBase, random) : wait * 1000);
    }
  }

  async function load(url: string, key: string, opts: RequestOptions): Promise<HttpResult> {
    const useCache = options.cache !== undefined && opts.cache !== false;
    const cached = useCache ? await options.cache?.get(key) : null;
    if (cached && cached.expiresAt > now()) {
      counters.cacheHits++;
      const remembered = rememberedFailure(cached, url);
      if (remembered) {
        throw remembered;
      }
      return { url, status: cached.status, headers: cached.headers, body: cached.body };
    }
    const extra = { ...(opts.headers ?? {}), ...validatorsOf(cached?.status === 200 ? cached : null) };
    let raw: RawResponse;
    try {
      raw = await send(url, extra);
    } catch (error) {
      // "not found" and "gated" are answers, not outages: remember them briefly so a warm audit asks nothing
      if (useCache && isFetchFailure(error) && REMEMBERED_FAILURES.has(error.kind)) {
        await options.cache?.set(key, failureEntry(error, now() + negativeTtl * 1000));
      }
      throw error;
    }
    const expiresAt = now() + (opts.ttlSeconds ?? ttlDefault) * 1000;

    let entry: CachedResponse;
    if (raw.status === 304) {
      if (!cached) {
        throw new FetchFailure({ kind: "invalid_response", url, status: 304, detail: "unsolicited 304" });
      }
      counters.revalidations++;
      entry = { ...cached, headers: { ...cached.headers, ...pickCachedHeaders(raw.headers) }, expiresAt };
    } else {
      entry = { status: raw.status, headers: pickCachedHeaders(raw.headers), body: raw.body, expiresAt };
    }
    if (useCache && entry.status === 200) {
      await options.cache?.set(key, entry);
    }
    return { url: raw.url, status: entry.status, headers: entry.headers, body: entry.body };
  }

  async function get(url: string, opts: RequestOptions = {}): Promise<HttpResult> {
    const parsed = parseAllowed(url, allowed);
    const key = cacheKey(parsed.href, tokenFor(parsed.href), opts.headers?.accept);
    const shared = inFlight.run(key, () => load(parsed.href, key, opts));
    return opts.signal ? raceAbort(shared, opts.signal) : shared;
  }

  async function getJson<S extends z.ZodType>(url: string, schema: S, opts?: RequestOptions) {
    const result = await get(url, opts);
    let json: unknown;
    try {
      json = JSON.parse(result.body);
    } catch (error) {
      throw new FetchFailure({ kind: "invalid_response", url, detail: "body is not JSON", cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
      throw new FetchFailure({ kind: "invalid_response", url, detail: `unexpected shape${where}` });
    }
    return parsed.data;
  }

  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (method !== "GET") {
      throw new TypeError(`the upstream client only sends GET, not ${method}`);
    }
    const result = await get(url, init?.signal ? { signal: init.signal } : {});
    return new Response(result.body, { status: result.status, headers: result.headers });
  };

  return {
    get,
    getJson,
    getText: async (url, opts) => (await get(url, opts)).body,
    fetchFn: fetchFn as typeof fetch,
    stats: () => ({ ...counters }),
  };
}

// refuse before any socket is opened: only configured upstreams are reachable (SSRF guard)
function parseAllowed(url: string, allowed: Set<string>): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchFailure({ kind: "upstream_error", url, detail: "not a valid URL" });
  }
  if (!allowed.has(parsed.origin) || parsed.username !== "" || parsed.password !== "") {
    throw new FetchFailure({ kind: "upstream_error", url: parsed.href, detail: "origin is not an allowed upstream" });
  }
  return parsed;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
