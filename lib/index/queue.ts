import type { IndexJob, JobResult } from "./job";

/** What a settled job reports: its outcome without the report, so it fits a queue row. */
export type JobOutcome = { status: JobResult["status"]; requests: number };

export type JobSettled = { job: IndexJob; ok: true; result: JobOutcome } | { job: IndexJob; ok: false; reason: string };

export type JobHandler = (job: IndexJob) => Promise<JobResult>;

/** Where index jobs wait: in this process (SQLite), or in PostgreSQL shared by every worker. */
export interface IndexQueue {
  /** Adds jobs, one per model: a model already waiting (or, on PostgreSQL, waiting or running) is not added twice; answers the ids added. */
  enqueue(jobs: readonly IndexJob[]): Promise<string[]>;
  /** Works the queue in this process until every job this queue enqueued has settled, reporting each as it settles. */
  drain(handle: JobHandler, onSettled: (settled: JobSettled) => void): Promise<void>;
  /** Works jobs as they come until the returned stop is called; stop lets in-flight jobs finish (or releases them). */
  work(handle: JobHandler, onSettled: (settled: JobSettled) => void): Promise<() => Promise<void>>;
  /** Lets go of what the queue holds open (connections, timers). */
  close(): Promise<void>;
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The part of a job's result a queue keeps. */
export const outcomeOf = (result: JobResult): JobOutcome => ({ status: result.status, requests: result.requests });

/** One line per settled job, for a log. */
export function settledLine(settled: JobSettled): string {
  if (!settled.ok) {
    return `failed ${settled.job.id}: ${settled.reason}\n`;
  }
  const sha = settled.job.sha === null ? "" : ` @${settled.job.sha.slice(0, 12)}`;
  return `${settled.result.status} ${settled.job.id}${sha} (${settled.result.requests} upstream requests)\n`;
}

/** Whether a job would only repeat the one running: the same model at the same known commit, not forced. */
export const sameCommitRunning = (running: IndexJob | undefined, job: IndexJob): boolean =>
  running !== undefined && job.sha !== null && running.sha === job.sha && job.force !== true;

interface Working {
  handle: JobHandler;
  onSettled: (settled: JobSettled) => void;
}

/**
 * The SQLite default: the same job handler, in this process, with bounded concurrency; one job per model at a time (a
 * model enqueued again while it runs waits for that run, unless it names the commit being audited). Nothing survives
 * the process.
 */
export function createLocalQueue(concurrency: number): IndexQueue {
  const waiting = new Map<string, IndexJob>();
  const running = new Map<string, IndexJob>();
  let working: Working | null = null;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (running.size === 0 && (waiting.size === 0 || working === null)) {
      for (const resolve of idleWaiters.splice(0)) {
        resolve();
      }
    }
  };
  const runOne = async (key: string, job: IndexJob, with_: Working) => {
    try {
      with_.onSettled({ job, ok: true, result: outcomeOf(await with_.handle(job)) });
    } catch (error) {
      with_.onSettled({ job, ok: false, reason: reasonOf(error) });
    } finally {
      running.delete(key);
      pump();
      settleIdle();
    }
  };
  const pump = () => {
    const current = working;
    if (current === null) {
      return;
    }
    for (const [key, job] of waiting) {
      if (running.size >= concurrency) {
        break;
      }
      if (!running.has(key)) {
        waiting.delete(key);
        running.set(key, job);
        void runOne(key, job, current);
      }
    }
  };
  const idle = () =>
    new Promise<void>((resolve) => {
      idleWaiters.push(resolve);
      settleIdle();
    });
  return {
    async enqueue(jobs) {
      const added: string[] = [];
      for (const job of jobs) {
        const key = job.id.toLowerCase();
        if (sameCommitRunning(running.get(key), job)) {
          continue;
        }
        if (!waiting.has(key)) {
          added.push(job.id);
        }
        waiting.set(key, job);
      }
      pump();
      return added;
    },
    async drain(handle, onSettled) {
      working = { handle, onSettled };
      pump();
      await idle();
      working = null;
    },
    async work(handle, onSettled) {
      working = { handle, onSettled };
      pump();
      return async () => {
        working = null;
        await idle();
      };
    },
    async close() {
      working = null;
      await idle();
      idleWaiters = [];
    },
  };
}
