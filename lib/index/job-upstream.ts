import type { UpstreamConfig } from "@/lib/fetchers/config";
import type { HttpClientOptions } from "@/lib/fetchers/http";
import type { ResponseCache } from "@/lib/fetchers/response-cache";
import { createUpstream, type Upstream } from "@/lib/fetchers/upstream";

export interface JobUpstreamOptions {
  config: UpstreamConfig;
  /** The shared response cache: answers many models share (a GitHub repository, a paper) are fetched once per run. */
  cache?: ResponseCache;
  /** Client options; `fetch` is the budgeted one. */
  http?: Partial<Omit<HttpClientOptions, "allowedOrigins" | "tokens">>;
}

// "GET <url> <scope>": everything about the model itself is asked afresh, since its commit has moved
function namesModel(key: string, id: string): boolean {
  const url = (key.split(" ")[1] ?? "").toLowerCase();
  const path = `/${id.toLowerCase()}`;
  return url.includes(`${path}/`) || url.includes(`${path}?`) || url.endsWith(path);
}

/** A cache view for one model's audit: its own answers bypass the cache, shared ones (datasets, code, papers) do not. */
export function modelCacheView(cache: ResponseCache, id: string): ResponseCache {
  return {
    get: async (key) => (namesModel(key, id) ? null : cache.get(key)),
    set: (key, entry) => cache.set(key, entry),
  };
}

/** A fresh upstream for one model's audit, so its request count is that audit's own. */
export function jobUpstream(options: JobUpstreamOptions, id: string): Upstream {
  return createUpstream(options.config, {
    ...options.http,
    ...(options.cache ? { cache: modelCacheView(options.cache, id) } : {}),
  });
}
