import type { UpstreamConfig } from "@/lib/fetchers/config";
import type { HttpClientOptions, HttpResult } from "@/lib/fetchers/http";
import type { CachedResponse, ResponseCache } from "@/lib/fetchers/response-cache";
import { createSingleFlight, type SingleFlight } from "@/lib/fetchers/single-flight";
import { createUpstream, type Upstream } from "@/lib/fetchers/upstream";

/**
 * What the jobs of one index run share: the answers many models have in common (a GitHub repository, a paper, a
 * dataset), kept for the whole run whatever their cache lifetime, and the requests in flight, so a family of models
 * audited together asks each shared question once.
 */
export interface RunShare {
  answers: Map<string, CachedResponse>;
  inFlight: SingleFlight<Promise<HttpResult>>;
}

export function createRunShare(): RunShare {
  return { answers: new Map(), inFlight: createSingleFlight((request) => request) };
}

export interface JobUpstreamOptions {
  config: UpstreamConfig;
  /** The shared response cache: answers that outlive the run. */
  cache?: ResponseCache;
  /** The run's shared answers; without it each job asks on its own (still through `cache`). */
  share?: RunShare;
  /** Client options; `admit` and `fetch` are the budget's. */
  http?: Partial<Omit<HttpClientOptions, "allowedOrigins" | "tokens" | "cache" | "inFlight">>;
}

// "GET <url> <scope>": everything about the model itself is asked afresh, since its commit has moved
function namesModel(key: string, id: string): boolean {
  const url = (key.split(" ")[1] ?? "").toLowerCase();
  const path = `/${id.toLowerCase()}`;
  return url.includes(`${path}/`) || url.includes(`${path}?`) || url.endsWith(path);
}

const RUN_LONG = Number.POSITIVE_INFINITY;

/**
 * A cache view for one model's audit: its own answers bypass the cache; shared ones come from the run's answers,
 * then the cache. Only shared answers are kept for the run, so its memory grows with what models share, not with
 * how many there are.
 */
export function modelCacheView(cache: ResponseCache | undefined, id: string, share?: RunShare): ResponseCache {
  return {
    get: async (key) => (namesModel(key, id) ? null : (share?.answers.get(key) ?? (await cache?.get(key)) ?? null)),
    set: async (key, entry) => {
      if (share && !namesModel(key, id)) {
        share.answers.set(key, { ...entry, expiresAt: RUN_LONG });
      }
      await cache?.set(key, entry);
    },
  };
}

/** A fresh upstream for one model's audit, so its request count is that audit's own. */
export function jobUpstream(options: JobUpstreamOptions, id: string): Upstream {
  const { cache, share } = options;
  return createUpstream(options.config, {
    ...options.http,
    ...(cache || share ? { cache: modelCacheView(cache, id, share) } : {}),
    ...(share ? { inFlight: share.inFlight } : {}),
  });
}
