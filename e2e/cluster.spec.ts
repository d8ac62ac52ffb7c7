import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import { loadDatabaseConfig, openDatabase } from "../lib/db";
import { createSnapshotStore } from "../lib/db/snapshots";
import { modelKey } from "../lib/report/model-key";
import type { AppServer } from "../tests/helpers/app-server";
import { type MockUpstream, startMockUpstream } from "../tests/helpers/mock-upstream";
import { type Cluster, startCluster } from "../tests/helpers/postgres";
import { spawnApp } from "./spawn-app";
import { asNewClient } from "./support";

// two production servers (ports APP_PORT + 10 and + 20) on one PostgreSQL database, against this file's own mock
// upstream, whose request log counts what they ask; a third (+ 30) on a SQLite file of its own measures one audit
const LIMIT = 3;
// short, so the SIGKILL test sees a dead instance's claim taken over soon
const LEASE_MS = 3_000;
const HIT = "x-mofscope-page-cache";

let cluster: Cluster;
let mock: MockUpstream;
let a: AppServer;
let b: AppServer;

const upstreamEnv = (m: MockUpstream) => ({ HF_ENDPOINT: m.hfEndpoint, GITHUB_API_URL: m.githubApiUrl, ARXIV_API_URL: m.arxivApiUrl });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster();
  mock = await startMockUpstream();
  const env = {
    ...upstreamEnv(mock),
    DATABASE_URL: cluster.url(),
    MOFSCOPE_AUDIT_LIMIT: String(LIMIT),
    MOFSCOPE_CLAIM_LEASE_MS: String(LEASE_MS),
  };
  // one after the other: the first migrates the database, the second finds it migrated
  a = await spawnApp(10, env);
  b = await spawnApp(20, env);
});

test.afterAll(async () => {
  if (a !== undefined) {
    await test.info().attach("server A log", { body: a.logs() });
  }
  if (b !== undefined) {
    await test.info().attach("server B log", { body: b.logs() });
  }
  await a?.stop();
  await b?.stop();
  await mock?.close();
  await cluster?.destroy();
});

test.beforeEach(async ({ page }) => asNewClient(page));

/** The upstream requests made while `act` ran, as `METHOD path` lines in a stable order. */
async function upstreamDuring(act: () => Promise<void>): Promise<string[]> {
  const from = mock.requests.length;
  await act();
  return mock.requests
    .slice(from)
    .map((r) => `${r.method} ${r.path}`)
    .sort();
}

const audit = (server: AppServer, model: string, client: string) =>
  fetch(`${server.url}/api/v1/audit?url=${encodeURIComponent(model)}`, { headers: { "x-forwarded-for": client } });

const snapshotId = (html: string) => /data-snapshot-id="([^"]+)"/.exec(html)?.[1];

test("100 concurrent audits of one uncached model over both servers make one audit's upstream requests", async () => {
  test.setTimeout(240_000);
  const model = "EleutherAI/pythia-160m";
  // one audit of the model, alone, by a server with an empty database of its own
  const baseline = "test-results/e2e/cluster-baseline.sqlite";
  for (const file of [baseline, `${baseline}-wal`, `${baseline}-shm`]) {
    rmSync(file, { force: true });
  }
  const alone = await spawnApp(30, { ...upstreamEnv(mock), MOFSCOPE_DB: baseline, DATABASE_URL: "" });
  let single: string[];
  try {
    single = await upstreamDuring(async () => {
      expect((await audit(alone, model, "10.60.0.1")).status).toBe(200);
    });
  } finally {
    await alone.stop();
  }
  expect(single.length).toBeGreaterThan(0);

  let ids: string[] = [];
  const startedAt = Date.now();
  const together = await upstreamDuring(async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => audit(i % 2 === 0 ? a : b, model, `10.61.${i >> 8}.${i % 256}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(200));
    ids = await Promise.all(answers.map(async (r) => (await r.json()).id as string));
  });
  test.info().annotations.push({
    type: "upstream requests",
    description: `one audit alone: ${single.length}; 100 over two servers: ${together.length}, all answered in ${Date.now() - startedAt} ms`,
  });
  expect(new Set(ids)).toEqual(new Set([ids[0]]));
  expect(together).toEqual(single);
});

test("a permalink made on A opens on B, and A's re-audit shows on B's page within a second", async ({ page, context }) => {
  test.setTimeout(180_000);
  const path = "/models/LLM360/Amber";
  await page.goto(`${a.url}${path}`);
  const permalink = page.getByTestId("permalink");
  await expect(permalink).toBeVisible({ timeout: 60_000 });
  const href = (await permalink.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/r\/[\w-]+$/);

  const elsewhere = await context.newPage();
  const opened = await elsewhere.goto(`${b.url}${href}`);
  expect(opened?.status()).toBe(200);
  await expect(elsewhere.getByText(`Snapshot ${href.slice(3)}`)).toBeVisible();
  await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("LLM360/Amber");

  // B's model page, cached on B, shows the first snapshot
  await elsewhere.goto(`${b.url}${path}`);
  await expect(elsewhere.getByTestId("permalink")).toHaveAttribute("href", href);
  await expect.poll(async () => (await fetch(`${b.url}${path}`)).headers.get(HIT), { timeout: 10_000 }).toBe("hit");
  const before = snapshotId(await (await fetch(`${b.url}${path}`)).text());
  expect(`/r/${before}`).toBe(href);

  // the re-audit button's POST, as the browser sends it from A's page (no Origin: not cross-site)
  const reaudit = await fetch(`${a.url}${path}/reaudit`, { method: "POST", redirect: "manual", headers: { "x-forwarded-for": "10.64.0.1" } });
  expect(reaudit.status).toBe(303);
  expect(reaudit.headers.get("location")).toBe(`${path}?notice=done`);

  // from here B has a second: each look it makes during that second asks B's page, in the browser, which snapshot it shows
  const since = Date.now();
  let shown: string | null = null;
  let askedAfter = 0;
  while (Date.now() - since <= 1_000) {
    askedAfter = Date.now() - since;
    await elsewhere.goto(`${b.url}${path}`);
    shown = await elsewhere.getByTestId("permalink").getAttribute("href");
    if (shown !== href) {
      break;
    }
    await elsewhere.waitForTimeout(50);
  }
  test.info().annotations.push({
    type: "re-audit on A shown by B's page",
    description: `asked ${askedAfter} ms after the re-audit returned, answered after ${Date.now() - since} ms`,
  });
  expect(shown).not.toBe(href);
  expect(shown).toMatch(/^\/r\/[\w-]+$/);
  // the snapshot B shows is the one A's re-audit stored
  await page.goto(`${a.url}${path}`);
  await expect(page.getByTestId("permalink")).toHaveAttribute("href", shown ?? "");
  expect(await (await fetch(`${b.url}/api/v1/reports/${shown?.slice(3)}`)).json()).toMatchObject({ id: shown?.slice(3) });
});

test("the audit limit counts both servers together", async () => {
  test.setTimeout(180_000);
  const client = "10.62.0.1";
  const models = ["google-t5/t5-small", "distilbert/distilgpt2", "openai-community/gpt2"];
  expect(models).toHaveLength(LIMIT);
  for (const [i, model] of models.entries()) {
    const answer = await audit(i % 2 === 0 ? a : b, model, client);
    expect(answer.status, model).toBe(200);
  }
  const refused = await upstreamDuring(async () => {
    for (const server of [a, b]) {
      const answer = await audit(server, "microsoft/phi-2", client);
      expect(answer.status).toBe(429);
      expect((await answer.json()).error.code).toBe("rate_limited");
    }
  });
  expect(refused).toEqual([]);
  // another client is not held back by this one's audits
  expect((await audit(b, "microsoft/phi-2", "10.62.0.2")).status).toBe(200);
});

test("killing A mid-audit fails A's clients; B takes the audit over once A's claim expires, and the database stays whole", async () => {
  test.setTimeout(180_000);
  const model = "allenai/OLMo-7B";
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  // every upstream request about the model waits at the mock until the gate opens: the audit stays in flight
  mock.setFaults([{ path: /olmo-7b/i, hold: gate }]);
  try {
    const seen = mock.requests.length;
    const onA = Array.from({ length: 5 }, (_, i) => audit(a, model, `10.63.0.${i}`).then((r) => r.status));
    await expect.poll(() => mock.requests.slice(seen).some((r) => /olmo-7b/i.test(r.path)), { timeout: 30_000 }).toBe(true);
    const onB = Array.from({ length: 5 }, (_, i) => audit(b, model, `10.63.1.${i}`));
    // B's readers have reached the claim A holds and wait on it
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const first = mock.requests.slice(seen).find((r) => /olmo-7b/i.test(r.path))?.path ?? "";
    const runsOfFirst = () => mock.requests.slice(seen).filter((r) => r.path === first).length;
    // only A's audit has asked: B waits instead of auditing beside it
    expect(runsOfFirst()).toBe(1);
    await a.kill();
    const killedAt = Date.now();
    open();
    const fromA = await Promise.allSettled(onA);
    expect(fromA.map((r) => r.status)).toEqual(Array(5).fill("rejected"));
    const fromB = await Promise.all(onB);
    expect(fromB.map((r) => r.status)).toEqual(Array(5).fill(200));
    // B audited itself once A's claim had expired: A stored nothing to answer with
    expect(runsOfFirst()).toBe(2);
    test.info().annotations.push({ type: "B answered after A was killed", description: `${Date.now() - killedAt} ms (lease ${LEASE_MS} ms)` });
    const reports = await Promise.all(fromB.map(async (r) => (await r.json()) as { id: string; model: { id: string } }));
    expect(new Set(reports.map((r) => r.id)).size).toBe(1);
    expect(reports[0]?.model.id).toBe(model);
  } finally {
    open();
    mock.setFaults([]);
  }

  // integrity: every snapshot row parses as a report under its own id and model key, A left no half-written
  // snapshot of the model and no claim behind, and no transaction of A's is left open or prepared
  const database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: cluster.url() }), { migrate: false });
  try {
    const rows = await database.db.selectFrom("snapshots").select(["id", "model_key", "source", "model_id"]).execute();
    const store = createSnapshotStore(database);
    for (const row of rows) {
      const report = await store.get(row.id);
      expect(report?.id, row.id).toBe(row.id);
      expect(row.model_key).toBe(modelKey(report?.model.source ?? "hf", report?.model.id ?? ""));
    }
    expect(rows.filter((row) => row.model_key === "hf:allenai/olmo-7b")).toHaveLength(1);
    expect(await database.db.selectFrom("audit_claims").selectAll().execute()).toEqual([]);
    const { rows: open } = await sql<{
      n: number;
    }>`SELECT (SELECT count(*) FROM pg_prepared_xacts) + (SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%') AS n`.execute(
      database.db,
    );
    expect(Number(open[0]?.n)).toBe(0);
  } finally {
    await database.close();
  }
  expect(b.alive()).toBe(true);
});
