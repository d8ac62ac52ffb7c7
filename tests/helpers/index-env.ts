import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createResponseCache, type Database } from "@/lib/db";
import { createIndexModelStore } from "@/lib/db/index-models";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { loadUpstreamConfig, type UpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import { createLocalQueue, type IndexRunOptions, type IndexSelection, type IndexSummary, indexHub, type JobDeps, jobUpstream } from "@/lib/index";
import { openSqliteFile } from "./databases";
import { type MockUpstream, type MockUpstreamOptions, startMockUpstream } from "./mock-upstream";

export interface IndexEnv {
  mock: MockUpstream;
  db: Database;
  config: UpstreamConfig;
  job: JobDeps;
  /** One `mofscope index` run, in process, on the SQLite file; `fetch` wraps every upstream request (a budget). */
  index(
    selection: IndexSelection,
    options?: Partial<Omit<IndexRunOptions, "selection" | "job" | "queue">> & { concurrency?: number; fetch?: typeof fetch },
  ): Promise<IndexSummary>;
  close(): Promise<void>;
}

/** The index over the mock upstream's generated models, with a real SQLite file for snapshots and the cache. */
export async function startIndexEnv(mockOptions: MockUpstreamOptions, database?: Database): Promise<IndexEnv> {
  const mock = await startMockUpstream(mockOptions);
  const db = database ?? (await openSqliteFile(join(mkdtempSync(join(tmpdir(), "mofscope-index-")), "index.sqlite")));
  const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
  const cache = createResponseCache(db);
  const http = { sleep: async () => undefined };
  const jobDeps = (fetchFn?: typeof fetch): JobDeps => ({
    upstream: (id) => jobUpstream({ config, cache, http: { ...http, ...(fetchFn ? { fetch: fetchFn } : {}) } }, id),
    snapshots: createSnapshotStore(db),
    models: createIndexModelStore(db),
    now: () => new Date(),
  });
  return {
    mock,
    db,
    config,
    job: jobDeps(),
    index: (selection, { concurrency = 4, fetch: fetchFn, ...options } = {}) =>
      indexHub({
        listUpstream: createUpstream(config, { ...http, ...(fetchFn ? { fetch: fetchFn } : {}) }),
        job: jobDeps(fetchFn),
        queue: createLocalQueue(concurrency),
        ...options,
        selection,
      }),
    close: async () => {
      if (database === undefined) {
        await db.close();
      }
      await mock.close();
    },
  };
}
