import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { AuditDeps } from "@/lib/audit";
import { startAudit } from "@/lib/audit";
import { createResponseCache, loadDatabaseConfig, openDatabase } from "@/lib/db";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { FIXTURE_RELEASES } from "@/tests/helpers/releases";

const LATENCY_MS = 50;

const WEIGHTS = 10;
const MODEL_CARD = 13;

/** Time to the report, and to the first rows a page can show: weights (model info) and model card (second round). */
async function timed(id: string, deps: AuditDeps): Promise<{ ms: number; weightsMs: number; cardMs: number; requests: number }> {
  const start = performance.now();
  const run = startAudit(id, deps);
  const since = (cid: number) => run.progress.component(cid).then(() => performance.now() - start);
  const [outcome, weightsMs, cardMs] = await Promise.all([run.outcome, since(WEIGHTS), since(MODEL_CARD)]);
  const ms = performance.now() - start;
  if (!outcome.ok) {
    throw new Error(`${id}: ${outcome.error.message}`);
  }
  return { ms, weightsMs, cardMs, requests: outcome.report.requests };
}

/**
 * mofscope's audit against a naive sequential one (one request at a time), and again from a warm cache; with the
 * moments its first rows settle, which is when the model page shows them.
 */
export async function benchAudit(): Promise<Record<string, Record<string, string | number>>> {
  const mock = await startMockUpstream({ latencyMs: LATENCY_MS });
  const dir = mkdtempSync(join(tmpdir(), "mofscope-bench-"));
  const db = await openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: join(dir, "cache.sqlite") }));
  const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
  const now = () => new Date();
  const cache = createResponseCache(db);
  // the mock serves all three upstreams from one host: one request per host is one at a time, and the parallel
  // run gets the default limit (4) once per upstream it stands in for
  const sequential: AuditDeps = { upstream: () => createUpstream(config, { perHostConcurrency: 1 }), now };
  const parallel: AuditDeps = { upstream: () => createUpstream(config, { cache, perHostConcurrency: 12 }), now };
  const rows: Record<string, Record<string, string | number>> = {};
  try {
    for (const id of FIXTURE_RELEASES) {
      const naive = await timed(id, sequential);
      const cold = await timed(id, parallel);
      const warm = await timed(id, parallel);
      rows[id] = {
        requests: cold.requests,
        "first row ms": Math.round(cold.weightsMs),
        "card row ms": Math.round(cold.cardMs),
        "mofscope ms": Math.round(cold.ms),
        "sequential ms": Math.round(naive.ms),
        speedup: `${(naive.ms / cold.ms).toFixed(1)}x`,
        "warm ms": Number(warm.ms.toFixed(1)),
        "warm requests": warm.requests,
      };
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    await mock.close();
  }
  return rows;
}
