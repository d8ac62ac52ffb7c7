import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { failureOf, startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

const modelSchema = z.object({ id: z.string() });
const path = "/api/models/acme/tiny";
let t: TestUpstream;

afterEach(async () => {
  await t.mock.close();
});

const hits = (p: string) => t.mock.requests.filter((r) => r.path === p).length;

describe("createHttpClient retries", () => {
  it("retries a 503 and then succeeds", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, status: 503, times: 1 }] } });
    await expect(t.upstream.http.getJson(t.mock.url + path, modelSchema)).resolves.toEqual({ id: "acme/tiny" });
    expect(hits(path)).toBe(2);
    expect(t.sleeps).toHaveLength(1);
  });

  it("waits for Retry-After seconds before retrying a 429", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, status: 429, retryAfter: 2, times: 1 }] } });
    await t.upstream.http.getJson(t.mock.url + path, modelSchema);
    expect(hits(path)).toBe(2);
    expect(t.sleeps).toEqual([2000]);
  });

  it("reads Retry-After given as an HTTP date", async () => {
    const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
    t = await startTestUpstream({
      mock: { faults: [{ path, status: 503, retryAfter: "Wed, 21 Oct 2026 07:28:05 GMT", times: 1 }] },
      http: { now: () => now },
    });
    await t.upstream.http.getJson(t.mock.url + path, modelSchema);
    expect(t.sleeps).toEqual([5000]);
  });

  it("fails at once with rate_limited when Retry-After exceeds the cap", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, status: 429, retryAfter: 60 }] } });
    const error = await failureOf(t.upstream.http.getJson(t.mock.url + path, modelSchema));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(60);
    expect(hits(path)).toBe(1);
  });

  it("gives up after maxRetries on a persistent 429", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, status: 429 }] } });
    const error = await failureOf(t.upstream.http.getJson(t.mock.url + path, modelSchema));
    expect(error.kind).toBe("rate_limited");
    expect(hits(path)).toBe(3);
  });

  it("maps GitHub's exhausted primary limit to rate_limited without retrying", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1800);
    const headers = { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset };
    t = await startTestUpstream({ mock: { faults: [{ path: "/github/", status: 403, headers }] } });
    const error = await failureOf(t.upstream.http.getText(`${t.mock.githubApiUrl}/repos/acme/tiny-train`));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThan(10);
    expect(t.mock.requests).toHaveLength(1);
  });

  it("does not retry a plain 500", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, status: 500 }] } });
    const error = await failureOf(t.upstream.http.getJson(t.mock.url + path, modelSchema));
    expect(error.kind).toBe("upstream_error");
    expect(error.message).toBe(`GET ${t.mock.url}${path} failed with 500 (upstream error)`);
    expect(hits(path)).toBe(1);
  });

  it("retries an HTML 502 page and reports upstream_error when it persists", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, htmlErrorPage: true }] } });
    const error = await failureOf(t.upstream.http.getJson(t.mock.url + path, modelSchema));
    expect(error).toMatchObject({ kind: "upstream_error", status: 502 });
    expect(hits(path)).toBe(3);
  });

  it("retries a reset connection", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, resetConnection: true, times: 1 }] } });
    await expect(t.upstream.http.getJson(t.mock.url + path, modelSchema)).resolves.toEqual({ id: "acme/tiny" });
    expect(hits(path)).toBe(2);
  });

  it("reports upstream_error when the connection keeps resetting", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, resetConnection: true }] } });
    const error = await failureOf(t.upstream.http.getText(t.mock.url + path));
    expect(error.kind).toBe("upstream_error");
    expect(hits(path)).toBe(3);
  });

  it("retries a body cut off mid-way", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, truncateBody: true, times: 1 }] } });
    await expect(t.upstream.http.getJson(t.mock.url + path, modelSchema)).resolves.toEqual({ id: "acme/tiny" });
    expect(hits(path)).toBe(2);
  });

  it("fails with timeout when the upstream does not answer in time", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, delayMs: 1000 }] }, http: { timeoutMs: 100 } });
    const error = await failureOf(t.upstream.http.getText(t.mock.url + path));
    expect(error.kind).toBe("timeout");
    expect(hits(path)).toBe(1);
  });
});
