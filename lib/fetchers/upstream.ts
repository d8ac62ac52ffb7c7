import { loadUpstreamConfig, type UpstreamConfig } from "./config";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "./http";

/** What every fetcher needs: the shared HTTP client and where the upstreams live. */
export interface Upstream {
  http: HttpClient;
  config: UpstreamConfig;
}

export const defaultUserAgent = "mofscope/0.1 (+https://github.com/mofscope/mofscope)";

/** Builds the HTTP client from a validated config; options override the client's defaults (cache, timeouts). */
export function createUpstream(
  config: UpstreamConfig = loadUpstreamConfig(),
  options: Partial<Omit<HttpClientOptions, "allowedOrigins" | "tokens">> = {},
): Upstream {
  const http = createHttpClient({
    userAgent: defaultUserAgent,
    ...options,
    allowedOrigins: config.allowedOrigins,
    tokens: config.tokens,
  });
  return { http, config };
}
