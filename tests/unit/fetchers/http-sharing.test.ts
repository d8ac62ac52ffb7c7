import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createResponseCache } from "@/lib/db";
import { createMemoryResponseCache } from "@/lib/fetchers/response-cache";
import { createUpstream } from "@/lib/fetchers/upstream";
import { openSqliteFile } from "@/tests/helpers/databases";
import { startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

const modelSchema = z.object({ id: z.string() });
const path = "/api/models/acme/tiny";
let t: TestUpstream;
const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  await t.mock.close();
  for (const cleanup of cleanups.splice(0)) {
    await cleanup();
  }
});

function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-cache-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "data", "mofscope.db");
}

describe("createHttpClient sharing", () => {
  it("sends one request for 20 identical concurrent GETs", async () => {
    t = await startTestUpstream({ mock: { latencyMs: 20 } });
    const calls = Array.from({ length: 20 }, () => t.upstream.http.getJson(t.mock.url + path, modelSchema));
    const results = await Promise.all(calls);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set(["acme/tiny"]));
    expect(t.mock.requests).toHaveLength(1);
  });

  it("never has more requests in flight per host than the limit", async () => {
    t = await startTestUpstream({ mock: { latencyMs: 20 }, http: { perHostConcurrency: 3 } });
    const calls = Array.from({ length: 12 }, (_, i) => t.upstream.http.getText(`${t.mock.url}${path}?n=${i}`));
    await Promise.all(calls);
    expect(t.mock.requests).toHaveLength(12);
    expect(t.mock.peakInFlight()).toBeLessThanOrEqual(3);
    expect(t.mock.peakInFlight()).toBeGreaterThan(1);
  });

  it("answers a fresh cached entry without a request", async () => {
    t = await startTestUpstream({ http: { cache: createMemoryResponseCache() } });
    await t.upstream.http.getJson(t.mock.url + path, modelSchema);
    await t.upstream.http.getJson(t.mock.url + path, modelSchema);
    expect(t.upstream.http.stats()).toEqual({ requests: 1, cacheHits: 1, revalidations: 0 });
  });

  it("revalidates a stale entry with If-None-Match and keeps it on 304", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z");
    t = await startTestUpstream({
      http: { cache: createMemoryResponseCache(), cacheTtlSeconds: 60, now: () => clock },
    });
    const first = await t.upstream.http.getText(t.mock.url + path);
    clock += 120_000;
    const second = await t.upstream.http.getText(t.mock.url + path);
    expect(second).toBe(first);
    expect(t.upstream.http.stats()).toMatchObject({ requests: 2, revalidations: 1 });
    expect(t.mock.requests[1]?.headers["if-none-match"]).toMatch(/^W\/"/);
    await t.upstream.http.getText(t.mock.url + path);
    expect(t.upstream.http.stats()).toMatchObject({ requests: 2, cacheHits: 1 });
  });

  it("keeps anonymous and authorised cache entries apart", async () => {
    const cache = createMemoryResponseCache();
    t = await startTestUpstream({ http: { cache } });
    await t.upstream.http.getText(t.mock.url + path);
    const withToken = await startTestUpstream({ http: { cache }, env: { HF_TOKEN: "hf_test" } });
    await withToken.upstream.http.getText(withToken.mock.url + path);
    await withToken.mock.close();
    expect(withToken.upstream.http.stats().cacheHits).toBe(0);
  });

  it("persists entries in SQLite across clients and reopenings", async () => {
    const file = tempDbFile();
    const db = await openSqliteFile(file);
    t = await startTestUpstream({ http: { cache: createResponseCache(db) } });
    await t.upstream.http.getJson(t.mock.url + path, modelSchema);
    await db.close();

    const reopened = await openSqliteFile(file);
    cleanups.unshift(() => reopened.close());
    const second = createUpstream(t.upstream.config, { cache: createResponseCache(reopened) });
    await expect(second.http.getJson(t.mock.url + path, modelSchema)).resolves.toEqual({ id: "acme/tiny" });
    expect(second.http.stats()).toEqual({ requests: 0, cacheHits: 1, revalidations: 0 });
    expect(t.mock.requests).toHaveLength(1);
  });
});
