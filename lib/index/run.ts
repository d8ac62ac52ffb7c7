import type { Upstream } from "@/lib/fetchers/upstream";
import { type IndexJob, type JobDeps, runIndexJob } from "./job";
import type { IndexQueue } from "./queue";
import { type IndexSelection, listSelection } from "./selection";

export interface IndexProgress {
  done: number;
  total: number;
  failed: number;
}

export interface IndexSummary {
  listed: number;
  /** Jobs this run added to the queue (a model already waiting there is not added again). */
  enqueued: number;
  audited: number;
  unchanged: number;
  failed: number;
  requests: number;
  seconds: number;
  failures: { model: string; reason: string }[];
}

export interface IndexRunOptions {
  selection: IndexSelection;
  /** The list API's client: no response cache, so a moved commit is always seen. */
  listUpstream: Upstream;
  job: JobDeps;
  queue: IndexQueue;
  force?: boolean;
  enqueueOnly?: boolean;
  onProgress?: (progress: IndexProgress) => void;
  clock?: () => number;
}

/**
 * Lists the selection, enqueues one audit per model whose commit moved since its last indexed audit (every model
 * with `force`), and unless `enqueueOnly` works the queue until the jobs it enqueued have settled. An unchanged model costs no request
 * beyond the list pages: its commit is in the list answer.
 */
export async function indexHub(options: IndexRunOptions): Promise<IndexSummary> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const listed = await listSelection(options.listUpstream, options.selection);
  const now = options.job.now();
  await options.job.models.recordListed(listed, now);
  const audited = options.force ? new Map<string, string>() : await options.job.models.auditedShas(listed.map((m) => m.id));
  const moved = listed.filter((m) => m.sha === null || audited.get(m.id) !== m.sha);
  const jobs: IndexJob[] = moved.map((m) => ({ id: m.id, sha: m.sha, enqueuedAt: now.toISOString(), ...(options.force ? { force: true } : {}) }));
  const summary: IndexSummary = {
    listed: listed.length,
    enqueued: 0,
    audited: 0,
    unchanged: listed.length - moved.length,
    failed: 0,
    requests: options.listUpstream.http.stats().requests,
    seconds: 0,
    failures: [],
  };
  summary.enqueued = (await options.queue.enqueue(jobs)).length;
  if (!options.enqueueOnly) {
    const progress = { done: 0, total: summary.enqueued, failed: 0 };
    options.onProgress?.({ ...progress });
    await options.queue.drain(
      (job) => runIndexJob(job, options.job),
      (settled) => {
        progress.done++;
        if (!settled.ok) {
          progress.failed++;
          summary.failed++;
          summary.failures.push({ model: settled.job.id, reason: settled.reason });
        } else if (settled.result.status === "audited") {
          summary.audited++;
          summary.requests += settled.result.requests;
        } else {
          summary.unchanged++;
        }
        options.onProgress?.({ ...progress });
      },
    );
  }
  summary.seconds = Math.round((clock() - started) / 10) / 100;
  return summary;
}
