import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createResponseCache, type Database } from "@/lib/db";
import { createIndexModelStore } from "@/lib/db/index-models";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { loadUpstreamConfig, type UpstreamConfig } from "@/lib/fetchers/config";
import type { HttpClientOptions } from "@/lib/fetchers/http";
import { createUpstream } from "@/lib/fetchers/upstream";
import {
  createLocalQueue,
  createRunShare,
  type IndexRunOptions,
  type IndexSelection,
  type IndexSummary,
  indexHub,
  type JobDeps,
  jobUpstream,
} from "@/lib/index";
import { openSqliteFile } from "./databases";
import { type MockUpstream, type MockUpstreamOptions, startMockUpstream } from "./mock-upstream";

/** What a run may wrap its upstream client with: a budget's admission and fetch. */
export type ClientHooks = Partial<Pick<HttpClientOptions, "admit" | "fetch">>;

export interface IndexEnv {
  mock: MockUpstream;
  db: Database;
  config: UpstreamConfig;
  job: JobDeps;
  /** One `mofscope index` run, in process, on the SQLite file; `http` puts every upstream request under a budget. */
  index(
    selection: IndexSelection,
    options?: Partial<Omit<IndexRunOptions, "selection" | "job" | "queue">> & { concurrency?: number; http?: ClientHooks },
  ): Promise<IndexSummary>;
  close(): Promise<void>;
}

/** The index over the mock upstream's generated models, with a real SQLite file for snapshots and the cache. */
export async function startIndexEnv(mockOptions: MockUpstreamOptions, database?: Database): Promise<IndexEnv> {
  const mock = await startMockUpstream(mockOptions);
  const db = database ?? (await openSqliteFile(join(mkdtempSync(join(tmpdir(), "mofscope-index-")), "index.sqlite")));
  const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
  const cache = createResponseCache(db);
  const base = { sleep: async () => undefined };
  // each run shares its models' common answers, as one `mofscope index` process does
  const jobDeps = (hooks: ClientHooks = {}, share = createRunShare()): JobDeps => ({
    upstream: (id) => jobUpstream({ config, cache, share, http: { ...base, ...hooks } }, id),
    snapshots: createSnapshotStore(db),
    models: createIndexModelStore(db),
    now: () => new Date(),
  });
  return {
    mock,
    db,
    config,
    job: jobDeps(),
    index: (selection, { concurrency = 4, http = {}, ...options } = {}) =>
      indexHub({
        listUpstream: createUpstream(config, { ...base, ...http }),
        job: jobDeps(http),
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
