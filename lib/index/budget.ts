import { z } from "zod";
import type { UpstreamBudgetStore } from "@/lib/db/upstream-budget";

/** The Hub's published limits per 5-minute window: API calls and resolver (file) downloads, per IP or token. */
export const HUB_LIMITS = {
  anonymous: { api: 500, resolvers: 3000 },
  token: { api: 1000, resolvers: 5000 },
} as const;

export const WINDOW_MS = 5 * 60 * 1000;

export interface BudgetSettings {
  /** Requests per window for each bucket of the Hub host. */
  perWindow: { api: number; resolvers: number };
  windowMs: number;
}

const budgetSchema = z.coerce.number().int().positive().max(1_000_000);

/**
 * The budget every worker shares: MOFSCOPE_HF_BUDGET API requests per 5 minutes (default 90% of the Hub's published
 * limit, anonymous or with HF_TOKEN), and the resolver bucket in the same proportion.
 */
export function budgetSettings(env: Record<string, string | undefined>): BudgetSettings {
  const limits = env.HF_TOKEN ? HUB_LIMITS.token : HUB_LIMITS.anonymous;
  const raw = env.MOFSCOPE_HF_BUDGET;
  const parsed = raw === undefined || raw === "" ? null : budgetSchema.safeParse(raw);
  if (parsed && !parsed.success) {
    throw new Error("invalid MOFSCOPE_HF_BUDGET: a whole number of Hub API requests per 5 minutes");
  }
  const api = parsed?.data ?? Math.floor(limits.api * 0.9);
  return { perWindow: { api, resolvers: Math.floor((api * limits.resolvers) / limits.api) }, windowMs: WINDOW_MS };
}

/** File downloads count against the Hub's resolver bucket, everything else against its API one. */
export const bucketOf = (url: URL): "api" | "resolvers" => (/^\/(?:datasets\/)?[^/]+\/[^/]+\/(?:resolve|raw)\//.test(url.pathname) ? "resolvers" : "api");

/** `RateLimit: "api";r=REMAINING;t=SECONDS` (the IETF draft the Hub follows). */
export function parseRateLimit(header: string | null): { bucket: string; remaining: number; resetSeconds: number } | null {
  const match = header?.match(/^\s*"?([\w-]+)"?\s*;\s*r=(\d+)\s*;\s*t=(\d+)/);
  return match ? { bucket: match[1] ?? "api", remaining: Number(match[2]), resetSeconds: Number(match[3]) } : null;
}

function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) {
    return null;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface BudgetedFetchOptions {
  store: UpstreamBudgetStore;
  settings: BudgetSettings;
  /** Only requests to these origins are budgeted (the Hub's). */
  origins: readonly string[];
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The longest single wait before asking the store again (a pause may be lifted early by a new window). */
  maxWaitMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A fetch that first spends one request of the shared budget (waiting while the window is spent or the host
 * paused), then reads the host's RateLimit header to follow its window, and turns a 429's Retry-After into a pause
 * of every worker, not only this one.
 */
export function budgetedFetch(inner: typeof fetch, options: BudgetedFetchOptions): typeof fetch {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxWaitMs ?? 5_000;
  const origins = new Set(options.origins.map((o) => new URL(o).origin));
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!origins.has(url.origin)) {
      return inner(input, init);
    }
    const bucket = bucketOf(url);
    const key = `${url.host} ${bucket}`;
    for (;;) {
      const taken = await options.store.take(key, options.settings.perWindow[bucket], options.settings.windowMs, now());
      if (taken.ok) {
        break;
      }
      await sleep(Math.min(taken.waitMs, maxWait));
    }
    const response = await inner(input, init);
    const limit = parseRateLimit(response.headers.get("ratelimit"));
    if (limit) {
      await options.store.observe(`${url.host} ${limit.bucket}`, limit.remaining, limit.resetSeconds, options.settings.windowMs, now());
    }
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get("retry-after"), now()) ?? 60_000;
      await options.store.pause(key, now() + wait);
    }
    return response;
  };
  return wrapped as typeof fetch;
}
