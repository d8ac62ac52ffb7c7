import { z } from "zod";
import type { UpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { FetchFailure } from "@/lib/fetchers/errors";
import { judgeResponse } from "@/lib/fetchers/http-policy";

/** What a host said of its own window: requests left in `bucket` and seconds until it turns. */
export interface HostWindow {
  bucket: string;
  remaining: number;
  resetSeconds: number;
}

interface BudgetedHost {
  /** The variable that overrides the default of the first bucket; the others keep their proportion to it. */
  variable: string;
  /** Set: the published limits with a token apply. */
  tokenVariable: string;
  unit: string;
  windowMs: number;
  /** Published requests per window for each bucket; the first is the one the variable sets. */
  limits: { anonymous: Record<string, number>; token: Record<string, number> };
  bucketOf(url: URL): string;
  /** The host's rate-limit headers on any answer, when it sends them. */
  window(headers: Headers, now: number): HostWindow | null;
}

/** `RateLimit: "api";r=REMAINING;t=SECONDS` (the IETF draft the Hub follows). */
export function parseRateLimit(header: string | null): HostWindow | null {
  const match = header?.match(/^\s*"?([\w-]+)"?\s*;\s*r=(\d+)\s*;\s*t=(\d+)/);
  return match ? { bucket: match[1] ?? "api", remaining: Number(match[2]), resetSeconds: Number(match[3]) } : null;
}

/** GitHub's `x-ratelimit-remaining`, `x-ratelimit-reset` (epoch seconds) and `x-ratelimit-resource` (`core`). */
export function parseGithubRateLimit(headers: Headers, now: number): HostWindow | null {
  const remaining = headers.get("x-ratelimit-remaining");
  const reset = headers.get("x-ratelimit-reset");
  if (remaining === null || reset === null || !/^\d+$/.test(remaining) || !/^\d+$/.test(reset)) {
    return null;
  }
  const resetSeconds = Math.max(0, Number(reset) - Math.floor(now / 1000));
  return { bucket: headers.get("x-ratelimit-resource") ?? "core", remaining: Number(remaining), resetSeconds };
}

/**
 * Every budgeted upstream host: its window, published limits and rate-limit headers. arXiv is not here: it publishes
 * no quota and sends no rate-limit headers to follow, and a run asks each paper once (shared answers, response cache).
 */
export const BUDGETED_HOSTS = {
  hf: {
    variable: "MOFSCOPE_HF_BUDGET",
    tokenVariable: "HF_TOKEN",
    unit: "Hub API requests per 5 minutes",
    windowMs: 5 * 60 * 1000,
    // the Hub's published limits per 5 minutes: API calls and resolver (file) downloads, per IP or token
    limits: { anonymous: { api: 500, resolvers: 3000 }, token: { api: 1000, resolvers: 5000 } },
    // file downloads count against the resolver bucket, everything else against the API one
    bucketOf: (url) => (/^\/(?:datasets\/)?[^/]+\/[^/]+\/(?:resolve|raw)\//.test(url.pathname) ? "resolvers" : "api"),
    window: (headers) => parseRateLimit(headers.get("ratelimit")),
  },
  github: {
    variable: "MOFSCOPE_GITHUB_BUDGET",
    tokenVariable: "GITHUB_TOKEN",
    unit: "GitHub API requests per hour",
    windowMs: 60 * 60 * 1000,
    // the REST API's primary limit per hour: 60 per IP, 5,000 per token; the audit reads only `core` endpoints
    limits: { anonymous: { core: 60 }, token: { core: 5000 } },
    bucketOf: () => "core",
    window: parseGithubRateLimit,
  },
} as const satisfies Record<string, BudgetedHost>;

export type BudgetedHostName = keyof typeof BUDGETED_HOSTS;

/** The Hub's published limits per 5-minute window (kept for callers that quote them). */
export const HUB_LIMITS = BUDGETED_HOSTS.hf.limits;
export const WINDOW_MS = BUDGETED_HOSTS.hf.windowMs;

export interface HostSettings {
  /** Requests per window for each bucket of the host. */
  perWindow: Record<string, number>;
  windowMs: number;
}

export type BudgetSettings = Record<BudgetedHostName, HostSettings>;

const budgetSchema = z.coerce.number().int().positive().max(1_000_000);

function hostSettings(host: BudgetedHost, env: Record<string, string | undefined>): HostSettings {
  const limits = env[host.tokenVariable] ? host.limits.token : host.limits.anonymous;
  const raw = env[host.variable];
  const parsed = raw === undefined || raw === "" ? null : budgetSchema.safeParse(raw);
  if (parsed && !parsed.success) {
    throw new Error(`invalid ${host.variable}: a whole number of ${host.unit}`);
  }
  const [first, ...rest] = Object.entries(limits);
  const [name, published] = first ?? ["", 1];
  const base = parsed?.data ?? Math.floor(published * 0.9);
  const perWindow = Object.fromEntries([[name, base], ...rest.map(([bucket, limit]) => [bucket, Math.floor((base * limit) / published)])]);
  return { perWindow, windowMs: host.windowMs };
}

/**
 * The budget every worker shares, per host: MOFSCOPE_HF_BUDGET Hub API requests per 5 minutes and
 * MOFSCOPE_GITHUB_BUDGET GitHub API requests per hour, each by default 90% of the published limit (anonymous or with
 * HF_TOKEN / GITHUB_TOKEN); the Hub's resolver bucket keeps its proportion to the API one.
 */
export function budgetSettings(env: Record<string, string | undefined>): BudgetSettings {
  const hosts: Record<BudgetedHostName, BudgetedHost> = BUDGETED_HOSTS;
  return Object.fromEntries(Object.entries(hosts).map(([name, host]) => [name, hostSettings(host, env)])) as BudgetSettings;
}

export interface UpstreamBudgetOptions {
  store: UpstreamBudgetStore;
  settings: BudgetSettings;
  /** The base URL of each budgeted host (config.hfEndpoint, config.githubApiUrl); requests elsewhere pass unbudgeted. */
  bases: Partial<Record<BudgetedHostName, string>>;
  /** Base URLs that are never budgeted even where they share an origin with a budgeted one (arXiv on the mock). */
  unbudgeted?: readonly string[];
  /** The fetch that sends; its answers are read for the host's rate-limit headers and rate-limited answers. */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The longest single wait before asking the store again (a pause may be lifted early by a new window). */
  maxWaitMs?: number;
  /** false: a request finding no budget left fails at once (rate_limited) instead of waiting, for work a later window can do. */
  waits?: boolean;
}

/** What an HTTP client takes to draw every attempt from the budget (HttpClientOptions' `admit` and `fetch`). */
export interface UpstreamBudget {
  admit(url: string): Promise<void>;
  fetch: typeof fetch;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// a host that answers rate limited without saying for how long is left alone this long
const DEFAULT_PAUSE_MS = 60_000;

interface Base {
  name: BudgetedHostName | null;
  origin: string;
  path: string;
}

const baseOf = (name: BudgetedHostName | null, href: string): Base => {
  const url = new URL(href);
  return { name, origin: url.origin, path: url.pathname.replace(/\/+$/, "") };
};

/**
 * The shared budget as client options: `admit` spends one request of the URL's host and bucket before each attempt
 * (waiting, outside the attempt's timeout, while the window is spent or the host paused); `fetch` follows the host's
 * rate-limit headers and turns a rate-limited answer (a 429, or GitHub's 403 with no requests remaining) into a pause
 * of every worker until its Retry-After or reset. Redirect hops of an attempt are not spent again.
 */
export function upstreamBudget(options: UpstreamBudgetOptions): UpstreamBudget {
  const inner = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxWaitMs ?? 5_000;
  const bases = [
    ...Object.entries(options.bases).flatMap(([name, href]) => (href ? [baseOf(name as BudgetedHostName, href)] : [])),
    ...(options.unbudgeted ?? []).map((href) => baseOf(null, href)),
  ].sort((a, b) => b.path.length - a.path.length);
  // the longest base the URL lies under: hosts sharing one origin (the mock) are told apart by path
  const hostOf = (url: URL) => {
    const base = bases.find((b) => b.origin === url.origin && (url.pathname === b.path || url.pathname.startsWith(`${b.path}/`)));
    return base?.name ? { ...base, name: base.name, host: BUDGETED_HOSTS[base.name] } : null;
  };
  const keyOf = (base: Base, url: URL, bucket: string) => `${url.host}${base.path} ${bucket}`;
  return {
    async admit(href) {
      const url = new URL(href);
      const base = hostOf(url);
      if (!base) {
        return;
      }
      const bucket = base.host.bucketOf(url);
      const { perWindow, windowMs } = options.settings[base.name];
      for (;;) {
        const taken = await options.store.take(keyOf(base, url, bucket), perWindow[bucket] ?? 0, windowMs, now());
        if (taken.ok) {
          return;
        }
        if (options.waits === false) {
          throw new FetchFailure({
            kind: "rate_limited",
            url: href,
            detail: `the shared ${base.name} budget is spent for now`,
            retryAfterSeconds: Math.ceil(taken.waitMs / 1000),
          });
        }
        await sleep(Math.min(taken.waitMs, maxWait));
      }
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const response = await inner(input, init);
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const base = hostOf(url);
      if (!base) {
        return response;
      }
      const { windowMs } = options.settings[base.name];
      const said = base.host.window(response.headers, now());
      if (said) {
        // a reset past the window (a skewed clock) is read as the window's end, never as a pause of months
        const resetSeconds = Math.min(said.resetSeconds, windowMs / 1000);
        await options.store.observe(keyOf(base, url, said.bucket), said.remaining, resetSeconds, windowMs, now());
      }
      // the HTTP client's own reading of a rate-limited answer, so the budget pauses exactly when the client retries
      const verdict = judgeResponse({ url: url.href, status: response.status, headers: response.headers, authSent: false, now: now() });
      if (verdict.action === "retry" && verdict.failure.kind === "rate_limited") {
        const wait = verdict.waitSeconds === undefined ? DEFAULT_PAUSE_MS : verdict.waitSeconds * 1000;
        await options.store.pause(keyOf(base, url, base.host.bucketOf(url)), now() + wait);
      }
      return response;
    }) as typeof fetch,
  };
}

/** The budgeted and unbudgeted base URLs of an upstream configuration. */
export function budgetBases(config: { hfEndpoint: string; githubApiUrl: string; arxivApiUrl: string }): Pick<UpstreamBudgetOptions, "bases" | "unbudgeted"> {
  return { bases: { hf: config.hfEndpoint, github: config.githubApiUrl }, unbudgeted: [config.arxivApiUrl] };
}
