export * from "./arxiv";
export { loadUpstreamConfig, type UpstreamConfig } from "./config";
export { FetchFailure, type FetchFailureKind, fetchFailureKinds, isFetchFailure } from "./errors";
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
export { type CachedResponse, createMemoryHttpCache, type HttpCache } from "./http-cache";
export type * from "./types";
export { createUpstream, defaultUserAgent, type Upstream } from "./upstream";
export { type ModelTarget, type ParsedModelUrl, parseModelUrl, type UrlErrorCode } from "./url";
