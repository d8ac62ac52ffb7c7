import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, loadDatabaseConfig, openDatabase } from "@/lib/db";
import { type AppServer, appEnv, startApp } from "@/tests/helpers/app-server";
import { snapshotCount } from "@/tests/helpers/databases";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";
import { createDatabase, type TestDatabase } from "@/tests/helpers/postgres";
import { BIN, cliEnv } from "@/tests/helpers/run-cli";

const PORT = Number(process.env.E2E_APP_PORT ?? "3202");
const TOKEN = "server-admin-token-0123456789";
const SECRET = "server-webhook-secret-0123456789";
const QUEUE_ENV = { MOFSCOPE_QUEUE_POLL_S: "0.5", MOFSCOPE_QUEUE_MAINTENANCE_S: "1" };

let mock: MockUpstream;
let testDb: TestDatabase;
let database: Database;
let app: AppServer;

// the production server (server.ts, the existing build) on PostgreSQL: it enqueues, a `mofscope worker` audits
beforeAll(async () => {
  mock = await startMockUpstream({ synthetic: { count: 6, seed: 21, orgs: 2 } });
  testDb = await createDatabase(inject("postgresAdminUrl"));
  database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: testDb.url }));
  const sqlite = join(mkdtempSync(join(tmpdir(), "mofscope-queue-server-")), "unused.sqlite");
  app = await startApp(
    PORT,
    appEnv(mock, sqlite, {
      DATABASE_URL: testDb.url,
      MOFSCOPE_ADMIN_TOKEN: TOKEN,
      MOFSCOPE_WEBHOOK_SECRET: SECRET,
      MOFSCOPE_WRITE_LIMIT: "1000",
      ...QUEUE_ENV,
    }),
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.close();
  await testDb?.drop();
  await mock?.close();
});

const snapshotsOf = (id: string) => snapshotCount(database, id);
const models = (org: number) => (mock.synthetic?.ids ?? []).filter((id) => id.startsWith(`synthetic-org-${org}/`));
// what the Hub sends: a cross-site POST, as far as any origin check can tell
const hubHeaders = { "content-type": "application/json", origin: "https://huggingface.co", "sec-fetch-site": "cross-site" };

describe("the write endpoints on the production server, with PostgreSQL and a worker", () => {
  it("takes a cross-site webhook and a jobs request, and a worker audits what they enqueued", async () => {
    const [pushed] = models(0);
    if (pushed === undefined) {
      throw new Error("org 0 has models");
    }
    const sha = mock.synthetic?.sha(pushed);
    const payload = JSON.stringify({ event: { action: "update", scope: "repo.content" }, repo: { type: "model", name: pushed, headSha: sha } });
    const refused = await fetch(`${app.url}/api/v1/hooks/huggingface`, {
      method: "POST",
      headers: { ...hubHeaders, "x-webhook-secret": "guess" },
      body: payload,
    });
    expect(refused.status).toBe(401);
    const hook = await fetch(`${app.url}/api/v1/hooks/huggingface`, { method: "POST", headers: { ...hubHeaders, "x-webhook-secret": SECRET }, body: payload });
    expect(hook.status).toBe(202);
    expect(await hook.json()).toEqual({ enqueued: true, model: pushed, sha });
    // waiting in PostgreSQL: a replay adds nothing
    const replay = await fetch(`${app.url}/api/v1/hooks/huggingface`, {
      method: "POST",
      headers: { ...hubHeaders, "x-webhook-secret": SECRET },
      body: payload,
    });
    expect(replay.status).toBe(200);

    const jobs = await fetch(`${app.url}/api/v1/index/jobs`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ author: ["synthetic-org-1"] }),
    });
    expect(jobs.status).toBe(202);
    expect(await jobs.json()).toMatchObject({ listed: 3, enqueued: 3 });
    // the server itself audits nothing on PostgreSQL: the jobs wait for a worker
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await snapshotsOf(pushed)).toBe(0);

    const worker = spawn(process.execPath, [BIN, "worker"], {
      env: { ...process.env, ...cliEnv(mock), DATABASE_URL: testDb.url, ...QUEUE_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    worker.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
    const expected = [pushed, ...models(1)];
    const end = Date.now() + 60_000;
    while (!expected.every((id) => out.includes(`audited ${id}`)) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const id of expected) {
      expect(await snapshotsOf(id)).toBe(1);
    }
    expect(out.trim().split("\n")).toHaveLength(4);
  }, 120_000);

  it("refuses a webhook body over 64 KB with 413, and one the edge sees is over any route's with 413 before reading it", async () => {
    const big = JSON.stringify({ event: { action: "update", scope: "repo.content" }, repo: { type: "model", name: "a/b" }, pad: "x".repeat(70_000) });
    const response = await fetch(`${app.url}/api/v1/hooks/huggingface`, { method: "POST", headers: { ...hubHeaders, "x-webhook-secret": SECRET }, body: big });
    expect(response.status).toBe(413);
    const huge = await fetch(`${app.url}/api/v1/hooks/huggingface`, {
      method: "POST",
      headers: { ...hubHeaders, "x-webhook-secret": SECRET },
      body: "x".repeat(300_000),
    });
    expect(huge.status).toBe(413);
  });
});
