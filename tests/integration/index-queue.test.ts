import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, loadDatabaseConfig, openDatabase } from "@/lib/db";
import { createPgQueue, DEAD_LETTER_QUEUE, INDEX_QUEUE, type IndexJob, type JobSettled, queueSettings, runIndexJob } from "@/lib/index";
import { snapshotCount } from "@/tests/helpers/databases";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";
import { createDatabase, type TestDatabase } from "@/tests/helpers/postgres";
import { BIN, cliEnv, runCli } from "@/tests/helpers/run-cli";

// short timeouts so a killed worker's job expires and is retried within seconds
const QUEUE_ENV = {
  MOFSCOPE_QUEUE_EXPIRE_S: "3",
  MOFSCOPE_QUEUE_MAINTENANCE_S: "1",
  MOFSCOPE_QUEUE_POLL_S: "0.5",
  MOFSCOPE_QUEUE_RETRY_DELAY_S: "1",
  MOFSCOPE_QUEUE_RETRIES: "2",
};

let testDb: TestDatabase;
let database: Database;
let env: IndexEnv;
let workerEnv: Record<string, string>;

beforeAll(async () => {
  testDb = await createDatabase(inject("postgresAdminUrl"));
  database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: testDb.url }));
  // 16 generated models over 4 organisations, 4 each: org 0 for `mofscope index`, org 1 for the killed worker, org 3
  // for a long queue, org 2 for the rest
  env = await startIndexEnv({ synthetic: { count: 16, seed: 11, orgs: 4 } }, database);
  workerEnv = { ...cliEnv(env.mock), DATABASE_URL: testDb.url, ...QUEUE_ENV };
});

afterAll(async () => {
  await env?.close();
  await database?.close();
  await testDb?.drop();
});

const snapshotsOf = (id: string) => snapshotCount(database, id);
const modelsOf = (org: number) => (env.mock.synthetic?.ids ?? []).filter((id) => id.startsWith(`synthetic-org-${org}/`));
const until = async (what: string, test: () => Promise<boolean> | boolean, timeoutMs = 60_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

interface Worker {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `mofscope worker` as its own process: node running the bin, so a signal reaches the worker itself. */
function startWorker(args: string[] = []): Worker {
  const child = spawn(process.execPath, [BIN, "worker", ...args], { env: { ...process.env, ...workerEnv }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

const jobOf = (id: string): IndexJob => ({ id, sha: env.mock.synthetic?.sha(id) ?? null, enqueuedAt: new Date().toISOString() });
const queueOf = (overrides: Record<string, string> = {}) => {
  if (database.driver.kind !== "postgres") {
    throw new Error("the queue test runs on PostgreSQL");
  }
  return createPgQueue({ pool: database.driver.pool, settings: queueSettings({ ...QUEUE_ENV, ...overrides }), concurrency: 2, models: env.job.models });
};

describe("the index queue on PostgreSQL", () => {
  it("`mofscope index` enqueues on PostgreSQL and works the queue until its jobs settled", async () => {
    const run = await runCli(["index", "--author", "synthetic-org-0", "--json"], workerEnv);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ listed: 4, enqueued: 4, audited: 4, unchanged: 0, failed: 0 });
    for (const id of modelsOf(0)) {
      expect(await snapshotsOf(id)).toBe(1);
    }
  }, 60_000);

  it("a job whose worker is SIGKILLed mid-audit is retried by another worker, and stores exactly one snapshot", async () => {
    const [held, ...rest] = modelsOf(1);
    if (held === undefined) {
      throw new Error("org 1 has models");
    }
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // the killed worker's first request for this model hangs until the test has killed it
    env.mock.setFaults([{ path: new RegExp(`^/api/models/${held}(?:[/?]|$)`), hold: gate, times: 1 }]);
    const enqueued = await runCli(["index", "--author", "synthetic-org-1", "--enqueue-only", "--json"], workerEnv);
    expect(enqueued.code).toBe(0);
    expect(JSON.parse(enqueued.stdout)).toMatchObject({ listed: 4, enqueued: 4, audited: 0 });

    const doomed = startWorker(["--concurrency", "1"]);
    const asked = () => env.mock.requests.some((r) => r.path.startsWith(`/api/models/${held}`));
    await until("the first worker to ask for the held model", asked);
    doomed.child.kill("SIGKILL");
    expect((await doomed.exited).signal).toBe("SIGKILL");
    open();
    expect(await snapshotsOf(held)).toBe(0);

    const rescuer = startWorker(["--concurrency", "2"]);
    await until("the second worker to audit the held model", () => rescuer.stdout().includes(`audited ${held}`), 90_000);
    await until("every job of org 1 to settle", async () => (await Promise.all(modelsOf(1).map(snapshotsOf))).every((n) => n === 1));
    rescuer.child.kill("SIGTERM");
    const stopped = await rescuer.exited;
    expect(stopped.code).toBe(0);
    expect(rescuer.stderr()).toContain("mofscope worker: stopped");

    expect(await snapshotsOf(held)).toBe(1);
    for (const id of rest) {
      expect(await snapshotsOf(id)).toBe(1);
    }
    // the held model's job ran twice: once in the killed worker, once (retry_count 1) in the rescuer
    const { rows } = await (database.driver as { pool: import("pg").Pool }).pool.query<{ state: string; retry_count: number }>(
      "SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND data->>'id' = $2",
      [INDEX_QUEUE, held],
    );
    expect(rows).toEqual([{ state: "completed", retry_count: 1 }]);
    // one line per settled job: the rescuer settled the held model once
    expect(
      rescuer
        .stdout()
        .split("\n")
        .filter((line) => line.includes(held)),
    ).toHaveLength(1);
  }, 120_000);

  it("the same model enqueued twice at once waits once and is audited once", async () => {
    const id = modelsOf(2)[0] ?? "";
    const [first, second] = [queueOf(), queueOf()];
    const added = await Promise.all([first.enqueue([jobOf(id)]), second.enqueue([jobOf(id)])]);
    expect(added.flat()).toEqual([id]);
    // still waiting: a third try adds nothing either
    expect(await first.enqueue([jobOf(id)])).toEqual([]);
    let audits = 0;
    const settled: JobSettled[] = [];
    const stop = await first.work(
      (job) => {
        audits++;
        return runIndexJob(job, env.job);
      },
      (s) => settled.push(s),
    );
    await until("the job to settle", () => settled.length === 1);
    await stop();
    await Promise.all([first.close(), second.close()]);
    expect(audits).toBe(1);
    expect(settled[0]).toMatchObject({ ok: true, result: { status: "audited" } });
    expect(await snapshotsOf(id)).toBe(1);
  }, 60_000);

  it("a worker that just finished a job takes the next at once, not after the polling interval", async () => {
    // a minute between polls: before the fix each worker did one job per poll, so two of these four waited a minute
    const queue = queueOf({ MOFSCOPE_QUEUE_POLL_S: "60" });
    const ids = modelsOf(3);
    expect(await queue.enqueue(ids.map(jobOf))).toEqual(ids);
    const settled: JobSettled[] = [];
    const stop = await queue.work(
      (job) => runIndexJob(job, env.job),
      (s) => settled.push(s),
    );
    await until("all four jobs to settle", () => settled.length === ids.length, 30_000);
    await stop();
    await queue.close();
    expect(settled.map((s) => s.ok)).toEqual([true, true, true, true]);
  }, 60_000);

  it("a model whose audit keeps failing is retried with backoff, then dead-lettered and its failure recorded", async () => {
    const id = modelsOf(2)[1] ?? "";
    env.mock.setFaults([{ path: new RegExp(`^/api/models/${id}(?:[/?]|$)`), status: 500 }]);
    const queue = queueOf();
    const tries: number[] = [];
    const settled: JobSettled[] = [];
    expect(await queue.enqueue([jobOf(id)])).toEqual([id]);
    const stop = await queue.work(
      (job) => {
        tries.push(Date.now());
        return runIndexJob(job, env.job);
      },
      (s) => settled.push(s),
    );
    await until("the failure to be recorded", async () => (await env.job.models.get(id))?.last_error?.startsWith("gave up") === true);
    await stop();
    await queue.close();
    env.mock.setFaults([]);
    // the first try and MOFSCOPE_QUEUE_RETRIES=2 retries
    expect(tries).toHaveLength(3);
    // exponential backoff: the second wait is longer than the first's shortest possible delay (1 s)
    expect((tries[1] ?? 0) - (tries[0] ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect((tries[2] ?? 0) - (tries[1] ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(settled).toEqual([{ job: expect.objectContaining({ id }), ok: false, reason: expect.stringContaining("after 3 tries") }]);
    expect((await env.job.models.get(id))?.last_error).toMatch(/^gave up after 3 tries: /);
    expect(await snapshotsOf(id)).toBe(0);
    const { rows } = await (database.driver as { pool: import("pg").Pool }).pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'id' = $2",
      [DEAD_LETTER_QUEUE, id],
    );
    expect(rows[0]?.n).toBe(1);
  }, 90_000);
});
