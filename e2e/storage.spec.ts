import { mkdirSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createResponseCache, loadDatabaseConfig, openDatabase } from "../lib/db";
import { type Cluster, startCluster } from "../tests/helpers/postgres";
import { spawnApp } from "./spawn-app";
import { asNewClient } from "./support";

// ports APP_PORT + 20…22: apart from the other specs' extra servers
let cluster: Cluster;

test.beforeAll(async () => {
  cluster = await startCluster();
});

test.afterAll(async () => {
  await cluster?.destroy();
});

test.beforeEach(async ({ page }) => asNewClient(page));

test("two servers on one PostgreSQL database share audits, and survive losing it for a while", async ({ page }) => {
  test.setTimeout(180_000);
  const first = await spawnApp(20, { DATABASE_URL: cluster.url() });
  const second = await spawnApp(21, { DATABASE_URL: cluster.url() });
  try {
    await page.goto(`${first.url}/models/bigscience/bloom`);
    const permalink = page.getByTestId("permalink");
    await expect(permalink).toBeVisible({ timeout: 60_000 });
    const href = (await permalink.getAttribute("href")) ?? "";
    const stored = await (await fetch(`${first.url}/api/v1/reports/${href.slice(3)}`)).json();
    // the other server reads what the first one stored, from the database, not from its own memory
    const elsewhere = await fetch(`${second.url}/api/v1/reports/${href.slice(3)}`);
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.json()).toEqual(stored);
    expect(await (await fetch(`${second.url}/models?q=bloom`)).text()).toContain("bigscience/bloom");

    await cluster.stop();
    await expect.poll(async () => (await fetch(`${second.url}/api/v1/reports/${href.slice(3)}`)).status, { timeout: 20_000 }).toBe(503);
    const api = await fetch(`${second.url}/api/v1/reports/${href.slice(3)}`);
    expect(api.headers.get("retry-after")).toBe("5");
    expect((await api.json()).error.code).toBe("storage_unavailable");
    const home = await fetch(`${second.url}/`);
    expect(home.status).toBe(503);
    expect(await home.text()).toContain("mofscope is temporarily unavailable");
    expect(second.logs()).toMatch(/mofscope: database unreachable \(PostgreSQL postgres@127\.0\.0\.1:\d+\/postgres\): .+; answering 503 until it is back/);
    expect(second.alive()).toBe(true);

    await cluster.start();
    await expect.poll(async () => (await fetch(`${second.url}/api/v1/reports/${href.slice(3)}`)).status, { timeout: 30_000 }).toBe(200);
    expect(await (await fetch(`${second.url}/api/v1/reports/${href.slice(3)}`)).json()).toEqual(stored);
    expect(second.logs()).toMatch(/mofscope: database reachable again \(PostgreSQL postgres@127\.0\.0\.1:\d+\/postgres\) after \d+\.\d s/);
    expect((await fetch(`${second.url}/`)).status).toBe(200);
  } finally {
    await test.info().attach("first server log", { body: first.logs() });
    await test.info().attach("second server log", { body: second.logs() });
    await first.stop();
    await second.stop();
  }
});

test("the server prunes stale upstream responses from its response cache on a schedule", async () => {
  test.setTimeout(120_000);
  const file = "test-results/e2e/prune.sqlite";
  rmSync(file, { force: true });
  mkdirSync("test-results/e2e", { recursive: true });
  const seed = await openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: file }));
  await createResponseCache(seed).set("GET https://huggingface.co/api/models/stale/entry anon", { status: 200, headers: {}, body: "{}", expiresAt: 1 });
  await createResponseCache(seed).set("GET https://huggingface.co/api/models/fresh/entry anon", {
    status: 200,
    headers: {},
    body: "{}",
    expiresAt: Date.now() + 3_600_000,
  });
  await seed.close();

  const server = await spawnApp(22, { MOFSCOPE_DB: file, MOFSCOPE_CACHE_PRUNE_MINUTES: "0.01", MOFSCOPE_CACHE_GRACE_HOURS: "1" });
  try {
    await expect.poll(() => server.logs(), { timeout: 30_000 }).toContain("mofscope: pruned 1 stale response-cache entries");
    const reader = await openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: file }));
    try {
      const cache = createResponseCache(reader);
      expect(await cache.get("GET https://huggingface.co/api/models/stale/entry anon")).toBeNull();
      expect(await cache.get("GET https://huggingface.co/api/models/fresh/entry anon")).not.toBeNull();
    } finally {
      await reader.close();
    }
  } finally {
    await server.stop();
  }
});
