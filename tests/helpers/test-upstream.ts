import { fileURLToPath } from "node:url";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { type FetchFailure, isFetchFailure } from "@/lib/fetchers/errors";
import type { HttpClientOptions } from "@/lib/fetchers/http";
import { createUpstream, type Upstream } from "@/lib/fetchers/upstream";
import { type MockUpstream, type MockUpstreamOptions, startMockUpstream } from "./mock-upstream";

export const unitFixturesDir = fileURLToPath(new URL("../fixtures/unit", import.meta.url));

export interface TestUpstream {
  mock: MockUpstream;
  upstream: Upstream;
  /** Every wait the client asked for, in milliseconds (backoff or Retry-After); nothing really sleeps. */
  sleeps: number[];
}

/** A mock upstream over the synthetic fixtures plus a client pointed at it, with sleeps recorded instead of waited. */
export async function startTestUpstream(
  options: { mock?: MockUpstreamOptions; http?: Partial<HttpClientOptions>; env?: Record<string, string> } = {},
): Promise<TestUpstream> {
  const mock = await startMockUpstream({ fixturesDir: unitFixturesDir, ...options.mock });
  const sleeps: number[] = [];
  const config = loadUpstreamConfig({
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
    ...options.env,
  });
  const upstream = createUpstream(config, {
    sleep: async (ms) => void sleeps.push(ms),
    ...options.http,
  });
  return { mock, upstream, sleeps };
}

/** The FetchFailure a promise rejects with; anything else fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<FetchFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isFetchFailure(error)) {
    throw new Error(`expected a FetchFailure, got ${String(error)}`);
  }
  return error;
}
