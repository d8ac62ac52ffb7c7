import { z } from "zod";
import type { UpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { FetchFailure } from "@/lib/fetchers/errors";

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

export interface HubBudgetOptions {
  store: UpstreamBudgetStore;
  settings: BudgetSettings;
  /** Only requests to these origins are budgeted (the Hub's). */
  origins: readonly string[];
  /** The fetch that sends; its answers are read for RateLimit and 429s. */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The longest single wait before asking the store again (a pause may be lifted early by a new window). */
  maxWaitMs?: number;
  /** false: a request finding no budget left fails at once (rate_limited) instead of waiting, for work a later window can do. */
  waits?: boolean;
}

/** What an HTTP client takes to draw every attempt from the budget (HttpClientOptions' `admit` and `fetch`). */
export interface HubBudget {
  admit(url: string): Promise<void>;
  fetch: typeof fetch;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The shared budget as client options: `admit` spends one request before each attempt (waiting, outside the
 * attempt's timeout, while the window is spent or the host paused); `fetch` reads the host's RateLimit header to
 * follow its window and turns a 429's Retry-After into a pause of every worker, not only this one. Redirect hops
 * of an attempt are not spent again.
 */
export function hubBudget(options: HubBudgetOptions): HubBudget {
  const inner = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxWaitMs ?? 5_000;
  const origins = new Set(options.origins.map((o) => new URL(o).origin));
  const budgeted = (url: URL) => origins.has(url.origin);
  const keyOf = (url: URL) => `${url.host} ${bucketOf(url)}`;
  return {
    async admit(href) {
      const url = new URL(href);
      if (!budgeted(url)) {
        return;
      }
      const bucket = bucketOf(url);
      for (;;) {
        const taken = await options.store.take(keyOf(url), options.settings.perWindow[bucket], options.settings.windowMs, now());
        if (taken.ok) {
          return;
        }
        if (options.waits === false) {
          throw new FetchFailure({
            kind: "rate_limited",
            url: href,
            detail: "the shared Hub budget is spent for now",
            retryAfterSeconds: Math.ceil(taken.waitMs / 1000),
          });
        }
        await sleep(Math.min(taken.waitMs, maxWait));
      }
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const response = await inner(input, init);
      const url = new URL(input instanceof Request ? input.url : input.toString());
      if (!budgeted(url)) {
        return response;
      }
      const limit = parseRateLimit(response.headers.get("ratelimit"));
      if (limit) {
        await options.store.observe(`${url.host} ${limit.bucket}`, limit.remaining, limit.resetSeconds, options.settings.windowMs, now());
      }
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get("retry-after"), now()) ?? 60_000;
        await options.store.pause(keyOf(url), now() + wait);
      }
      return response;
    }) as typeof fetch,
  };
}
