import { defaultDatabase } from "@/lib/db";
import { indexModelStore } from "@/lib/db/index-models";
import {
  createIndexQueue,
  defaultIndexWiring,
  type IndexQueue,
  type IndexSelection,
  type IndexWiring,
  indexHub,
  queueIsDurable,
  runIndexJob,
  settledLine,
} from "@/lib/index";

interface IndexJobs {
  queue: IndexQueue;
  wiring: IndexWiring;
}

// route handlers are bundled apart, so the queue lives on globalThis to be one per process
const globalForJobs = globalThis as unknown as { mofscopeIndexJobs?: Promise<IndexJobs> | undefined };

function concurrency(): number {
  const value = Number(process.env.MOFSCOPE_INDEX_CONCURRENCY ?? "2");
  return Number.isInteger(value) && value > 0 && value <= 16 ? value : 2;
}

/**
 * The server's index queue: on PostgreSQL the shared one (`mofscope worker` processes work it); on SQLite this
 * process's own, worked here as jobs arrive, MOFSCOPE_INDEX_CONCURRENCY at a time, with the same job handler.
 */
function indexJobs(): Promise<IndexJobs> {
  globalForJobs.mofscopeIndexJobs ??= (async () => {
    const database = await defaultDatabase();
    const wiring = await defaultIndexWiring(process.env);
    const queue = createIndexQueue(database, { env: process.env, concurrency: concurrency(), models: indexModelStore() });
    if (!queueIsDurable(database)) {
      await queue.work(
        (job) => runIndexJob(job, wiring.job),
        (settled) => process.stdout.write(`index: ${settledLine(settled)}`),
      );
    }
    return { queue, wiring };
  })();
  globalForJobs.mofscopeIndexJobs.catch(() => {
    globalForJobs.mofscopeIndexJobs = undefined;
  });
  return globalForJobs.mofscopeIndexJobs;
}

export interface EnqueuedRun {
  listed: number;
  unchanged: number;
  /** The models whose audit was enqueued (not those already waiting). */
  enqueued: string[];
}

/** Lists a selection on the Hub and enqueues an audit of each model whose commit moved; does not wait for them. */
export async function enqueueSelection(selection: IndexSelection): Promise<EnqueuedRun> {
  const { queue, wiring } = await indexJobs();
  let enqueued: string[] = [];
  const capturing: IndexQueue = {
    ...queue,
    enqueue: async (jobs) => {
      enqueued = await queue.enqueue(jobs);
      return enqueued;
    },
  };
  const summary = await indexHub({ selection, listUpstream: wiring.listUpstream, job: wiring.job, queue: capturing, enqueueOnly: true });
  return { listed: summary.listed, unchanged: summary.unchanged, enqueued };
}

export type ModelEnqueue = { enqueued: true } | { enqueued: false; reason: string };

/**
 * Enqueues a re-audit of one model at a commit: not when its latest indexed audit is at that commit already, nor when
 * a job for it is already waiting, so a replayed webhook enqueues once and stores no second snapshot.
 */
export async function enqueueModel(id: string, sha: string | null): Promise<ModelEnqueue> {
  const { queue, wiring } = await indexJobs();
  if (sha !== null && (await wiring.job.models.auditedShas([id])).get(id) === sha) {
    return { enqueued: false, reason: `${id} is already audited at ${sha}` };
  }
  const added = await queue.enqueue([{ id, sha, enqueuedAt: wiring.job.now().toISOString() }]);
  return added.length > 0 ? { enqueued: true } : { enqueued: false, reason: `a re-audit of ${id} is already waiting` };
}
