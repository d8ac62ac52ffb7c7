import { auditModel } from "@/lib/audit";
import type { IndexModelStore } from "@/lib/db/index-models";
import type { SnapshotStore } from "@/lib/db/snapshots";
import type { Upstream } from "@/lib/fetchers/upstream";
import { headOfReport } from "@/lib/report/freshness";
import type { Report } from "@/lib/report/schema";

/** One model to (re-)audit: the commit the listing saw, and when the job was made. */
export interface IndexJob {
  id: string;
  sha: string | null;
  enqueuedAt: string;
  force?: boolean;
}

export interface JobDeps {
  upstream: (id: string) => Upstream;
  snapshots: SnapshotStore;
  models: IndexModelStore;
  now: () => Date;
}

export type JobResult = { status: "audited"; requests: number; report: Report } | { status: "unchanged"; requests: 0 };

/** An audit that could not be made; a queue retries it and, after its last try, records it as failed. */
export class IndexJobFailure extends Error {
  constructor(
    readonly modelId: string,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "IndexJobFailure";
  }
}

/**
 * Audits one listed model and stores its snapshot, unless a snapshot at the listed commit already exists. The check
 * runs first, so a job retried after its worker died past the save stores no second snapshot.
 */
export async function runIndexJob(job: IndexJob, deps: JobDeps): Promise<JobResult> {
  const latest = await deps.snapshots.latest("hf", job.id);
  const sameCommit = job.sha !== null && latest?.report.model.sha === job.sha;
  if (sameCommit && latest && (!job.force || latest.createdAt >= job.enqueuedAt)) {
    await deps.models.markAudited(job.id, job.sha, deps.now());
    return { status: "unchanged", requests: 0 };
  }
  const upstream = deps.upstream(job.id);
  const outcome = await auditModel(job.id, { upstream: () => upstream, now: deps.now });
  if (!outcome.ok) {
    await deps.models.markFailed(job.id, outcome.error.message);
    throw new IndexJobFailure(job.id, outcome.error.code, outcome.error.message, outcome.error.retryAfterSeconds);
  }
  const report = await deps.snapshots.save(outcome.report, deps.now());
  await deps.models.markAudited(job.id, report.model.sha, deps.now());
  // the audit read the head itself: a commit that moved after the listing is not a stale report
  await deps.models.recordHead(job.id, headOfReport(report), deps.now());
  return { status: "audited", requests: upstream.http.stats().requests, report };
}
