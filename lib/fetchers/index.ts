export * from "./arxiv";
export { loadUpstreamConfig, type UpstreamConfig } from "./config";
export { FetchFailure, isFetchFailure } from "./errors";
export * from "./github";
export * from "./hf";
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpResult,
  type HttpStats,
  type RequestOptions,
} from "./http";
export { type CachedResponse, createMemoryResponseCache, type ResponseCache } from "./response-cache";
export { createUpstream, defaultUserAgent, type Upstream } from "./upstream";
export { type ModelTarget, type ParsedModelUrl, parseModelUrl, type UrlErrorCode } from "./url";
