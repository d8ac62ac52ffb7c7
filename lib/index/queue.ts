import pLimit from "p-limit";
import type { IndexJob, JobResult } from "./job";

export type JobSettled = { job: IndexJob; ok: true; result: JobResult } | { job: IndexJob; ok: false; reason: string };

/** Where index jobs wait: in this process (SQLite), or in PostgreSQL shared by every worker. */
export interface IndexQueue {
  enqueue(jobs: readonly IndexJob[]): Promise<void>;
  /** Works the queue in this process until it is empty, reporting each job as it settles. */
  drain(handle: (job: IndexJob) => Promise<JobResult>, onSettled: (settled: JobSettled) => void): Promise<void>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The SQLite default: the same job handler, in process, with bounded concurrency; one job per model at a time. */
export function createLocalQueue(concurrency: number): IndexQueue {
  const waiting = new Map<string, IndexJob>();
  return {
    async enqueue(jobs) {
      for (const job of jobs) {
        waiting.set(job.id.toLowerCase(), job);
      }
    },
    async drain(handle, onSettled) {
      const limit = pLimit(concurrency);
      const jobs = [...waiting.values()];
      waiting.clear();
      await Promise.all(
        jobs.map((job) =>
          limit(async () => {
            try {
              onSettled({ job, ok: true, result: await handle(job) });
            } catch (error) {
              onSettled({ job, ok: false, reason: reasonOf(error) });
            }
          }),
        ),
      );
    },
  };
}
