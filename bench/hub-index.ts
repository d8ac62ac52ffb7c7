import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { auditModel } from "@/lib/audit";
import { loadDatabaseConfig, openDatabase } from "@/lib/db";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import { BUDGETED_HOSTS, HUB_LIMITS, WINDOW_MS } from "@/lib/index/budget";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";
import { startCluster } from "@/tests/helpers/postgres";
import { FIXTURE_RELEASES } from "@/tests/helpers/releases";
import { BIN, cliEnv, runCli } from "@/tests/helpers/run-cli";

const MODELS = 1000;
const LATENCY_MS = 50;
const WORKERS = [1, 2, 4];
// `mofscope worker` processes on one PostgreSQL, each working one job at a time
const PROCESSES = 4;
const MOVED = 10;
const TOP = 10_000;
// models per list page the listing asks for (the 1,000-model index reads two pages)
const LIST_PAGE = 500;
// GitHub's published REST limits per hour
const GITHUB_PER_HOUR = { anonymous: 60, token: 5000 };

const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const SEARCH = { search: "gen-model" };

const listPages = (mock: MockUpstream, from: number) => mock.requests.slice(from).filter((r) => r.path.startsWith("/api/models?")).length;

// the first index of 1,000 models with this many workers, on a fresh database
async function firstIndex(workers: number): Promise<{ env: IndexEnv; seconds: number; row: Record<string, number> }> {
  const env = await startIndexEnv({ synthetic: { count: MODELS, seed: 11 }, latencyMs: LATENCY_MS });
  const started = performance.now();
  const summary = await env.index(SEARCH, { concurrency: workers });
  const seconds = (performance.now() - started) / 1000;
  if (summary.audited !== MODELS || summary.failed !== 0) {
    throw new Error(`first index with ${workers} workers: ${JSON.stringify(summary)}`);
  }
  const pages = listPages(env.mock, 0);
  return {
    env,
    seconds,
    row: {
      "audits/min": round((summary.audited / seconds) * 60),
      "requests/audit": round((summary.requests - pages) / summary.audited, 2),
      "list pages": pages,
      seconds: round(seconds, 1),
    },
  };
}

// the same first index as a deployment runs it: `mofscope index --enqueue-only` on PostgreSQL, then worker processes
async function workerProcesses(count: number): Promise<Record<string, number>> {
  const cluster = await startCluster();
  const mock = await startMockUpstream({ synthetic: { count: MODELS, seed: 13 }, latencyMs: LATENCY_MS });
  // the budget would stretch 1,000 models over hours of windows: this measures the queue, not the Hub's limit
  const env = { ...cliEnv(mock), DATABASE_URL: cluster.url(), MOFSCOPE_HF_BUDGET: "1000000", MOFSCOPE_QUEUE_POLL_S: "0.5" };
  const database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: cluster.url() }));
  const workers: ReturnType<typeof spawn>[] = [];
  try {
    const enqueued = await runCli(["index", "--search", "gen-model", "--enqueue-only", "--json"], env);
    if (enqueued.code !== 0) {
      throw new Error(`index --enqueue-only exited ${enqueued.code}: ${enqueued.stderr}`);
    }
    const from = mock.requests.length;
    const started = performance.now();
    for (let n = 0; n < count; n++) {
      workers.push(spawn(process.execPath, [BIN, "worker", "--concurrency", "1"], { env: { ...process.env, ...env }, stdio: "ignore" }));
    }
    const snapshots = async () =>
      Number(
        (
          await database.db
            .selectFrom("snapshots")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await snapshots()) < MODELS) {
      if (performance.now() - started > 900_000) {
        throw new Error(`workers stored ${await snapshots()} of ${MODELS} snapshots in 15 minutes`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      "audits/min": round((MODELS / seconds) * 60),
      "requests/audit": round((mock.requests.length - from) / MODELS, 2),
      "list pages": listPages(mock, 0),
      seconds: round(seconds, 1),
    };
  } finally {
    for (const worker of workers) {
      worker.kill("SIGTERM");
    }
    await Promise.all(workers.map((w) => (w.exitCode === null ? new Promise((resolve) => w.once("exit", resolve)) : null)));
    await database.close();
    await mock.close();
    await cluster.destroy();
  }
}

interface Profile {
  api: number;
  resolvers: number;
  github: number;
  arxiv: number;
}

// what one audit of each fixture release asks of each upstream bucket, cold (no response cache)
async function releaseProfiles(): Promise<Profile[]> {
  const mock = await startMockUpstream();
  const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
  try {
    const profiles: Profile[] = [];
    for (const id of FIXTURE_RELEASES) {
      const from = mock.requests.length;
      const outcome = await auditModel(id, { upstream: () => createUpstream(config), now: () => new Date() });
      if (!outcome.ok) {
        throw new Error(`${id}: ${outcome.error.message}`);
      }
      const profile: Profile = { api: 0, resolvers: 0, github: 0, arxiv: 0 };
      for (const request of mock.requests.slice(from)) {
        const url = new URL(request.path, mock.url);
        const kind = url.pathname.startsWith("/github/") ? "github" : url.pathname.startsWith("/arxiv/") ? "arxiv" : BUDGETED_HOSTS.hf.bucketOf(url);
        profile[kind]++;
      }
      profiles.push(profile);
    }
    return profiles;
  } finally {
    await mock.close();
  }
}

/**
 * What a first index of the Hub's top 10,000 text-generation models would ask of each upstream, and how long it takes
 * within 90% of each published limit (the default budget), anonymous and with a free token.
 */
export async function benchHubBudget(): Promise<Record<string, Record<string, number | string>>> {
  const profiles = await releaseProfiles();
  const pagesPerModel = 1 / LIST_PAGE;
  const mean = (key: keyof Profile) => profiles.reduce((sum, p) => sum + p[key], 0) / profiles.length;
  const hubOnly = profiles.reduce((a, b) => (a.github + a.arxiv <= b.github + b.arxiv && a.api <= b.api ? a : b));
  const rows: Record<string, Record<string, number | string>> = {};
  for (const [label, profile] of [
    ["as the fixture releases (mean)", { api: mean("api"), resolvers: mean("resolvers"), github: mean("github"), arxiv: mean("arxiv") }],
    ["as the leanest fixture release", hubOnly],
  ] as const) {
    const api = Math.ceil(TOP * (profile.api + pagesPerModel));
    const resolvers = Math.ceil(TOP * profile.resolvers);
    const github = Math.ceil(TOP * profile.github);
    for (const tier of ["anonymous", "token"] as const) {
      const limits = HUB_LIMITS[tier];
      const windows = Math.max(api / Math.floor(limits.api * 0.9), resolvers / Math.floor(limits.resolvers * 0.9));
      rows[`${label}, ${tier === "token" ? "free token" : "anonymous"}`] = {
        "Hub API requests": api,
        "Hub resolver requests": resolvers,
        "Hub hours": round((windows * WINDOW_MS) / 3_600_000, 1),
        "GitHub requests": github,
        "GitHub hours": round(github / GITHUB_PER_HOUR[tier], 1),
      };
    }
  }
  return rows;
}

/**
 * `mofscope index` over 1,000 generated models at 50 ms per request with 1, 2 and 4 workers; a re-index with nothing
 * changed (speed-up over the first index) and with 10 commits moved.
 */
export async function benchHubIndex(): Promise<Record<string, Record<string, number | string>>> {
  const rows: Record<string, Record<string, number | string>> = {};
  let last: { env: IndexEnv; seconds: number } | null = null;
  for (const workers of WORKERS) {
    const run = await firstIndex(workers);
    rows[`first index, ${workers} worker${workers === 1 ? "" : "s"}`] = run.row;
    await last?.env.close();
    last = run;
  }
  rows[`first index, ${PROCESSES} worker processes on PostgreSQL`] = await workerProcesses(PROCESSES);
  if (last === null) {
    throw new Error("no index ran");
  }
  const { env } = last;
  try {
    const from = env.mock.requests.length;
    const started = performance.now();
    const again = await env.index(SEARCH, { concurrency: WORKERS.at(-1) ?? 1 });
    const seconds = (performance.now() - started) / 1000;
    const pages = listPages(env.mock, from);
    rows["re-index, nothing changed"] = {
      "requests/model beyond list pages": round((env.mock.requests.length - from - pages) / again.listed, 3),
      "list pages": pages,
      unchanged: again.unchanged,
      seconds: round(seconds, 2),
      "speed-up over first index": `${round(last.seconds / seconds)}x`,
    };
    const synthetic = env.mock.synthetic;
    const moved = synthetic?.ids.filter((_, i) => i % 89 === 5).slice(0, MOVED) ?? [];
    for (const id of moved) {
      synthetic?.moveCommit(id);
    }
    const movedFrom = env.mock.requests.length;
    const after = await env.index(SEARCH, { concurrency: WORKERS.at(-1) ?? 1 });
    rows[`re-index, ${MOVED} commits moved`] = {
      "re-audited": after.audited,
      unchanged: after.unchanged,
      "requests beyond list pages": after.requests - listPages(env.mock, movedFrom),
    };
    return rows;
  } finally {
    await env.close();
  }
}
