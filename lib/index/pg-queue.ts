import type { Pool } from "pg";
import type PgBoss from "pg-boss";
import type { IndexModelStore } from "@/lib/db/index-models";
import { modelKey } from "@/lib/report/model-key";
import { type IndexJob, IndexJobFailure } from "./job";
import { type IndexQueue, type JobHandler, type JobSettled, outcomeOf, reasonOf, sameCommitRunning } from "./queue";
import type { QueueSettings } from "./queue-settings";

export const INDEX_QUEUE = "mofscope-index";
export const DEAD_LETTER_QUEUE = "mofscope-index-dead";

// how long a stopping worker lets its in-flight jobs finish before it releases them for a retry
const STOP_GRACE_S = 30;

// an audit that failed for one of these fails the same way on every retry: it settles at once, as failed
const PERMANENT = new Set(["not_found", "gated", "bad_input"]);

/** What a completed job keeps as its output. */
type Output = { ok: true; status: "audited" | "unchanged"; requests: number } | { ok: false; reason: string };

export interface PgQueueOptions {
  pool: Pool;
  settings: QueueSettings;
  concurrency: number;
  /** Where a job that exhausted its retries is recorded (index_models.last_error). */
  models: IndexModelStore;
}

// a failed job's output: the thrown error (serialised), or pg-boss's own note when the job expired
const failureMessage = (output: unknown, fallback: string): string => {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const message = o?.message ?? o?.value?.message;
  return typeof message === "string" ? message : fallback;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The PostgreSQL queue (pg-boss): jobs survive any process; a job whose worker died expires and is retried with
 * exponential backoff; after its last retry it goes to a dead-letter queue whose worker records the failure on the
 * model. The queue is "stately" with the model key as singleton key: per model at most one job waits and one runs,
 * so a model already waiting is not enqueued twice and two workers never audit one model at once.
 */
export function createPgQueue(options: PgQueueOptions): IndexQueue {
  const { settings } = options;
  let started: Promise<PgBoss> | undefined;
  // loaded on first use, as the pg driver is: a SQLite process never loads either
  const start = () => {
    started ??= (async () => {
      const { default: PgBossClass } = await import("pg-boss");
      const boss = new PgBossClass({
        db: { executeSql: (text, values) => options.pool.query(text, values) },
        schedule: false,
        supervise: true,
        maintenanceIntervalSeconds: settings.maintenanceSeconds,
        pollingIntervalSeconds: settings.pollingSeconds,
      });
      // pg-boss reports a failed poll or maintenance run as an event; without a listener Node would throw it
      boss.on("error", (error) => process.stderr.write(`mofscope: queue: ${reasonOf(error)}\n`));
      await boss.start();
      const retries = { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: true };
      for (const [name, queue] of [
        [DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, policy: "standard" as const }],
        [INDEX_QUEUE, { name: INDEX_QUEUE, policy: "stately" as const, expireInSeconds: settings.expireSeconds, deadLetter: DEAD_LETTER_QUEUE, ...retries }],
      ] as const) {
        // another process may create it between the check and the create
        if ((await boss.getQueue(name)) === null) {
          await boss.createQueue(name, queue).catch(() => undefined);
        }
        await boss.updateQueue(name, queue);
      }
      return boss;
    })();
    return started;
  };
  const mine = new Map<string, IndexJob>();

  const perform = async (job: IndexJob, handle: JobHandler): Promise<Output> => {
    try {
      return { ok: true, ...outcomeOf(await handle(job)) };
    } catch (error) {
      if (error instanceof IndexJobFailure && PERMANENT.has(error.code)) {
        return { ok: false, reason: error.message };
      }
      throw error;
    }
  };
  const settledOf = (job: IndexJob, output: Output): JobSettled =>
    output.ok ? { job, ok: true, result: { status: output.status, requests: output.requests } } : { job, ok: false, reason: output.reason };

  const subscribe = async (handle: JobHandler, onSettled?: (settled: JobSettled) => void) => {
    const boss = await start();
    const workOptions = { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingSeconds } as const;
    for (let i = 0; i < options.concurrency; i++) {
      let worker = "";
      worker = await boss.work<IndexJob>(INDEX_QUEUE, workOptions, async ([job]) => {
        if (job === undefined) {
          return null;
        }
        // pg-boss waits out the polling interval after every batch; a worker that just found a job asks again at
        // once (without this, each worker did one job per interval however long the queue)
        boss.notifyWorker(worker);
        try {
          const output = await perform(job.data, handle);
          onSettled?.(settledOf(job.data, output));
          return output;
        } catch (error) {
          if (job.retryCount >= job.retryLimit) {
            onSettled?.({ job: job.data, ok: false, reason: `${reasonOf(error)} (after ${job.retryCount + 1} tries)` });
          }
          throw error;
        }
      });
    }
    await boss.work<IndexJob>(DEAD_LETTER_QUEUE, workOptions, async ([dead]) => {
      if (dead !== undefined) {
        const reason = failureMessage((dead as unknown as { output?: unknown }).output, "the job failed");
        await options.models.markFailed(dead.data.id, `gave up after ${settings.retryLimit + 1} tries: ${reason}`);
      }
    });
    return boss;
  };

  return {
    async enqueue(jobs) {
      const boss = await start();
      const added: string[] = [];
      for (const job of jobs) {
        const singletonKey = modelKey("hf", job.id);
        // stately lets one job wait behind a running one; one at the commit being audited would only repeat it
        const { rows } = await options.pool.query<{ data: IndexJob }>(
          `SELECT data FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'active'`,
          [INDEX_QUEUE, singletonKey],
        );
        if (sameCommitRunning(rows[0]?.data, job)) {
          continue;
        }
        const id = await boss.send(INDEX_QUEUE, job, { singletonKey });
        if (id !== null) {
          mine.set(id, job);
          added.push(job.id);
        }
      }
      return added;
    },
    async drain(handle, onSettled) {
      const boss = await subscribe(handle);
      // the jobs this queue enqueued are reported as they settle, whichever worker ran them
      while (mine.size > 0) {
        const { rows } = await options.pool.query<{ id: string; state: string; output: unknown }>(
          `SELECT id, state, output FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state IN ('completed', 'failed', 'cancelled')
           UNION ALL SELECT id, state, output FROM pgboss.archive WHERE id = ANY($1::uuid[])`,
          [[...mine.keys()]],
        );
        for (const row of rows) {
          const job = mine.get(row.id);
          if (job === undefined) {
            continue;
          }
          mine.delete(row.id);
          const output = row.output as Output | null;
          if (row.state === "completed" && output !== null && "ok" in output) {
            onSettled(settledOf(job, output));
          } else {
            onSettled({ job, ok: false, reason: failureMessage(row.output, `the job ${row.state}`) });
          }
        }
        if (mine.size > 0) {
          await sleep(Math.min(1_000, settings.pollingSeconds * 1_000));
        }
      }
      await boss.offWork(INDEX_QUEUE);
      await boss.offWork(DEAD_LETTER_QUEUE);
    },
    async work(handle, onSettled) {
      const boss = await subscribe(handle, onSettled);
      // pg-boss stops fetching, waits for in-flight jobs, and fails (so releases for a retry) any still running at the timeout
      return () => boss.stop({ graceful: true, wait: true, close: false, timeout: Math.min(settings.expireSeconds, STOP_GRACE_S) * 1_000 });
    },
    async close() {
      const boss = await started?.catch(() => undefined);
      await boss?.stop({ graceful: false, close: false, wait: true });
    },
  };
}
