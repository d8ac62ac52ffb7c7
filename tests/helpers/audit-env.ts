import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { AuditDeps, AuditOutcome } from "@/lib/audit";
import { auditModel } from "@/lib/audit";
import { createResponseCache, type Database } from "@/lib/db";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import type { HttpClientOptions } from "@/lib/fetchers/http";
import { createUpstream } from "@/lib/fetchers/upstream";
import type { Report } from "@/lib/report/schema";
import { openSqliteFile } from "./databases";
import type { MockUpstream, MockUpstreamOptions } from "./mock-upstream";
import { startMockUpstream } from "./mock-upstream";

export interface AuditEnv {
  readonly mock: MockUpstream;
  readonly db: Database;
  /** Audit dependencies on the mock upstream; with `cache: false` every request goes upstream. */
  deps(options?: { cache?: boolean; http?: Partial<HttpClientOptions> }): AuditDeps;
  close(): Promise<void>;
}

/** The real audit stack against the mock upstream serving tests/fixtures, with a real SQLite cache file. */
export async function startAuditEnv(mockOptions: MockUpstreamOptions = {}): Promise<AuditEnv> {
  const mock = await startMockUpstream(mockOptions);
  const db = await openSqliteFile(join(mkdtempSync(join(tmpdir(), "mofscope-audit-")), "cache.sqlite"));
  const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
  const cache = createResponseCache(db);
  return {
    mock,
    db,
    deps: ({ cache: useCache = true, http = {} } = {}) => ({
      upstream: () => createUpstream(config, { sleep: async () => undefined, ...(useCache ? { cache } : {}), ...http }),
      now: () => new Date("2026-11-24T12:00:00Z"),
    }),
    close: async () => {
      await db.close();
      await mock.close();
    },
  };
}

/** Starts an audit environment for a test file: fresh faults before each test, closed after the file. */
export function useAuditEnv(mockOptions: MockUpstreamOptions | (() => MockUpstreamOptions) = {}): () => AuditEnv {
  let env: AuditEnv | undefined;
  beforeAll(async () => {
    env = await startAuditEnv(typeof mockOptions === "function" ? mockOptions() : mockOptions);
  });
  beforeEach(() => {
    env?.mock.setFaults([]);
  });
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (env === undefined) {
      throw new Error("the audit environment starts in beforeAll");
    }
    return env;
  };
}

/** The report of a successful audit; a failed one fails the test with its message. */
export function reportOf(outcome: AuditOutcome): Report {
  if (!outcome.ok) {
    throw new Error(outcome.error.message);
  }
  return outcome.report;
}

export const statusOf = (report: Report, name: string) => report.components.find((c) => c.name === name)?.status;

/** Audits each id afresh (no cache) and keeps the reports by id; a failed audit fails the setup. */
export async function auditAll(env: AuditEnv, ids: readonly string[]): Promise<Map<string, Report>> {
  const reports = new Map<string, Report>();
  for (const id of ids) {
    reports.set(id, reportOf(await auditModel(id, env.deps({ cache: false }))));
  }
  return reports;
}
