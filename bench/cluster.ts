import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type AppServer, appEnv, startApp } from "@/tests/helpers/app-server";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";
import { startCluster } from "@/tests/helpers/postgres";
import { BROWSER_ENCODINGS, benchDir, ensureBuild, fromPageCache, type LoadFigures, load, sparePort } from "./server";

const CACHED_MODEL = "LLM360/Amber";
// the herd: this many uncached models, each asked for by this many clients at once, spread over the instances
const HERD_MODELS = 12;
const HERD_CLIENTS = 10;
const HERD_LATENCY_MS = 50;
const INVALIDATIONS = 8;

type Deployment = { name: string; servers: AppServer[] };

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

// the same 100 connections in total, split evenly over the instances, so one run compares deployments, not loads
async function cachedReads(deployment: Deployment): Promise<LoadFigures> {
  const warm = await fetch(`${deployment.servers[0]?.url}/api/v1/audit?url=${CACHED_MODEL}`);
  if (!warm.ok) {
    throw new Error(`${deployment.name}: warm-up audit answered ${warm.status}`);
  }
  for (const server of deployment.servers) {
    await fromPageCache(`${server.url}/models/${CACHED_MODEL}`);
  }
  const each = Math.floor(100 / deployment.servers.length);
  const parts = await Promise.all(deployment.servers.map((s) => load(`${s.url}/models/${CACHED_MODEL}`, { "accept-encoding": BROWSER_ENCODINGS }, each)));
  return {
    "req/s": parts.reduce((sum, p) => sum + p["req/s"], 0),
    "p99 ms": Math.max(...parts.map((p) => p["p99 ms"])),
    "non-2xx": parts.reduce((sum, p) => sum + p["non-2xx"], 0),
    errors: parts.reduce((sum, p) => sum + p.errors, 0),
  };
}

// every model of the herd is new to the deployment; its clients arrive at once, round robin over the instances
async function herd(
  deployment: Deployment,
  mock: MockUpstream,
  models: readonly string[],
): Promise<{ "audits/s": number; "upstream requests/audit": number; ok: number }> {
  const before = mock.requests.length;
  mock.setFaults([{ path: "/", delayMs: HERD_LATENCY_MS }]);
  const started = performance.now();
  try {
    const answers = await Promise.all(
      models.flatMap((model, m) =>
        Array.from({ length: HERD_CLIENTS }, (_, c) => {
          const server = deployment.servers[(m + c) % deployment.servers.length];
          return fetch(`${server?.url}/api/v1/audit?url=${model}`, { headers: { "x-forwarded-for": `10.9.${m}.${c}` } }).then((r) => r.status);
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      "audits/s": round(models.length / seconds, 1),
      "upstream requests/audit": round((mock.requests.length - before) / models.length, 1),
      ok: answers.filter((s) => s === 200).length,
    };
  } finally {
    mock.setFaults([]);
  }
}

const snapshotIdOf = async (url: string): Promise<string | null> => /data-snapshot-id="([^"]+)"/.exec(await (await fetch(url)).text())?.[1] ?? null;

// a re-audit on the first instance (the model's commit moved), then how long until the last instance's page shows it
async function invalidations(deployment: Deployment, mock: MockUpstream, model: string): Promise<{ "median ms": number; "max ms": number; rounds: number }> {
  const writer = deployment.servers[0];
  const reader = deployment.servers.at(-1);
  if (!writer || !reader || !mock.synthetic) {
    throw new Error("invalidation bench needs a server and the synthetic hub");
  }
  const page = `${reader.url}/models/${model}`;
  await fetch(`${writer.url}/api/v1/audit?url=${model}`);
  const times: number[] = [];
  for (let n = 0; n < INVALIDATIONS; n++) {
    await fromPageCache(page);
    const old = await snapshotIdOf(page);
    mock.synthetic.moveCommit(model);
    const answer = await fetch(`${writer.url}/models/${model}/reaudit`, {
      method: "POST",
      headers: { origin: writer.url, "x-forwarded-for": "10.7.0.1" },
      redirect: "manual",
    });
    if (answer.status !== 303) {
      throw new Error(`${deployment.name}: re-audit answered ${answer.status}`);
    }
    const settled = performance.now();
    for (;;) {
      const now = await snapshotIdOf(page);
      if (now !== null && now !== old) {
        break;
      }
      if (performance.now() - settled > 10_000) {
        throw new Error(`${deployment.name}: ${page} still served snapshot ${old} 10 s after the re-audit`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    times.push(performance.now() - settled);
  }
  return { "median ms": round(percentile(times, 50)), "max ms": round(Math.max(...times)), rounds: times.length };
}

/**
 * One instance on SQLite beside two on one PostgreSQL, in the same run: cached report reads, audits under a herd of
 * uncached models, and a cache invalidation round trip (a re-audit on one instance until the other serves it).
 */
export async function benchCluster(): Promise<Record<string, Record<string, number | string>>> {
  ensureBuild();
  const dir = benchDir();
  const cluster = await startCluster();
  const mock = await startMockUpstream({ synthetic: { count: 3 * HERD_MODELS + 2 } });
  const extra = { MOFSCOPE_AUDIT_LIMIT: "1000000" };
  const sqlite: Deployment = { name: "SQLite", servers: [await startApp(await sparePort(), appEnv(mock, join(dir, "one.sqlite"), extra))] };
  const pgEnv = (n: number) => appEnv(mock, join(dir, `unused-${n}.sqlite`), { ...extra, DATABASE_URL: cluster.url() });
  const postgres: Deployment = { name: "PostgreSQL", servers: [await startApp(await sparePort(), pgEnv(1)), await startApp(await sparePort(), pgEnv(2))] };
  const ids = mock.synthetic?.ids ?? [];
  try {
    const rows: Record<string, Record<string, number | string>> = {};
    const reads = { sqlite: await cachedReads(sqlite), postgres: await cachedReads(postgres) };
    const herds = {
      sqlite: await herd(sqlite, mock, ids.slice(0, HERD_MODELS)),
      postgres: await herd(postgres, mock, ids.slice(HERD_MODELS, 2 * HERD_MODELS)),
    };
    const trips = {
      sqlite: await invalidations(sqlite, mock, ids.at(-2) ?? ""),
      postgres: await invalidations(postgres, mock, ids.at(-1) ?? ""),
    };
    for (const [key, name] of [
      ["sqlite", "1 instance, SQLite"],
      ["postgres", "2 instances, PostgreSQL"],
    ] as const) {
      rows[name] = {
        "cached report req/s": reads[key]["req/s"],
        "cached report p99 ms": reads[key]["p99 ms"],
        "non-2xx": reads[key]["non-2xx"] + reads[key].errors,
        [`herd audits/s (${HERD_MODELS}×${HERD_CLIENTS} clients, ${HERD_LATENCY_MS} ms upstream)`]: herds[key]["audits/s"],
        "herd upstream requests/audit": herds[key]["upstream requests/audit"],
        "herd answers 200": `${herds[key].ok}/${HERD_MODELS * HERD_CLIENTS}`,
        "invalidation round trip median ms": trips[key]["median ms"],
        "invalidation round trip max ms": trips[key]["max ms"],
      };
    }
    rows["ratio PostgreSQL ÷ SQLite"] = {
      "cached report req/s": round(reads.postgres["req/s"] / reads.sqlite["req/s"], 2),
      "cached report p99 ms": round(reads.postgres["p99 ms"] / Math.max(1, reads.sqlite["p99 ms"]), 2),
      [`herd audits/s (${HERD_MODELS}×${HERD_CLIENTS} clients, ${HERD_LATENCY_MS} ms upstream)`]: round(
        herds.postgres["audits/s"] / herds.sqlite["audits/s"],
        2,
      ),
      "herd upstream requests/audit": round(herds.postgres["upstream requests/audit"] / herds.sqlite["upstream requests/audit"], 2),
      "invalidation round trip median ms": round(trips.postgres["median ms"] / Math.max(1, trips.sqlite["median ms"]), 1),
    };
    return rows;
  } finally {
    await Promise.all([...sqlite.servers, ...postgres.servers].map((s) => s.stop()));
    await mock.close();
    await cluster.destroy();
  }
}
