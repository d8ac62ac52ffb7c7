import { join } from "node:path";
import { appEnv, startApp } from "@/tests/helpers/app-server";
import { API_FUZZ_RUNS } from "@/tests/helpers/fuzz";
import type { FaultRule } from "@/tests/helpers/mock-upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { runServerFaultCase, SERVER_FAULT_CASES } from "@/tests/helpers/server-faults";
import { benchHostileBodies } from "./hostile-bodies";
import { BROWSER_ENCODINGS, benchDir, ensureBuild, fromPageCache, type LoadFigures, load, sparePort } from "./server";

const MODEL = "LLM360/Amber";
// while the "faulty" figures are taken every upstream misbehaves, and audits keep hitting it in the background
const STORM: FaultRule[] = [
  { path: "/github/", status: 503 },
  { path: "/arxiv/", resetConnection: true },
  { path: "/datasets/", malformedJson: true },
  { path: "/", delayMs: 1_500 },
];
const STORM_MODELS = [
  "allenai/OLMo-7B",
  "EleutherAI/pythia-160m",
  "bigscience/bloom",
  "moxin-org/moxin-llm-7b",
  "LLM360/CrystalCoder",
  "mistralai/Mistral-7B-v0.1",
];

async function faultCases(dir: string): Promise<{ passed: number; total: number; failed: string[] }> {
  const mock = await startMockUpstream();
  const failed: string[] = [];
  try {
    for (const c of SERVER_FAULT_CASES) {
      const problems = await runServerFaultCase(mock, c, await sparePort(), dir);
      if (problems.length > 0) {
        failed.push(`${c.name}: ${problems.join("; ")}`);
      }
    }
  } finally {
    await mock.close();
  }
  return { passed: SERVER_FAULT_CASES.length - failed.length, total: SERVER_FAULT_CASES.length, failed };
}

async function herd(dir: string): Promise<{ requests: number; upstream: number; oneAudit: number; reports: number; ok: number }> {
  const mock = await startMockUpstream();
  const app = await startApp(await sparePort(), appEnv(mock, join(dir, "herd.sqlite"), { MOFSCOPE_AUDIT_LIMIT: "3" }));
  try {
    mock.setFaults([{ path: "/", delayMs: 100 }]);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => fetch(`${app.url}/api/v1/audit?url=allenai/OLMo-7B`, { headers: { "x-forwarded-for": "10.8.8.8" } })),
    );
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { id?: string; requests?: number }[];
    return {
      requests: answers.length,
      ok: answers.filter((a) => a.status === 200).length,
      upstream: mock.requests.length,
      oneAudit: bodies[0]?.requests ?? -1,
      reports: new Set(bodies.map((b) => b.id)).size,
    };
  } finally {
    await app.stop();
    await mock.close();
  }
}

async function loadQuietAndStormy(dir: string): Promise<Record<string, Record<string, string | number>>> {
  const mock = await startMockUpstream();
  const app = await startApp(
    await sparePort(),
    appEnv(mock, join(dir, "load.sqlite"), { MOFSCOPE_AUDIT_LIMIT: "100000", MOFSCOPE_UPSTREAM_TIMEOUT_MS: "2000" }),
  );
  const rows: Record<string, Record<string, string | number>> = {};
  const page = `${app.url}/models/${MODEL}`;
  const badge = `${app.url}/badge/${MODEL}.svg`;
  try {
    if (!(await fetch(`${app.url}/api/v1/audit?url=${MODEL}`)).ok) {
      throw new Error("warm-up audit failed");
    }
    const browser = { "accept-encoding": BROWSER_ENCODINGS };
    await fromPageCache(page);
    await fromPageCache(badge);
    const quiet: [LoadFigures, LoadFigures] = [await load(page, browser), await load(badge, browser)];

    mock.setFaults(STORM);
    const before = mock.requests.length;
    let audits = 0;
    let stop = false;
    // four clients re-audit past every cache, one after another, for as long as the load runs
    const storm = Array.from({ length: 4 }, async (_, worker) => {
      for (let i = worker; !stop; i++) {
        const model = STORM_MODELS[i % STORM_MODELS.length] ?? MODEL;
        await fetch(`${app.url}/models/${model}/reaudit`, { method: "POST", redirect: "manual", headers: { "x-forwarded-for": `10.9.0.${worker}` } }).catch(
          () => undefined,
        );
        audits++;
      }
    });
    const stormy: [LoadFigures, LoadFigures] = [await load(page, browser), await load(badge, browser)];
    stop = true;
    await Promise.all(storm);
    mock.setFaults([]);

    const labels = ["cached report page", "badge SVG"] as const;
    labels.forEach((label, i) => {
      rows[`${label}, quiet upstream`] = { ...quiet[i] };
      rows[`${label}, faulty upstream`] = { ...stormy[i], "background audits": audits, "upstream requests": mock.requests.length - before };
    });
  } finally {
    await app.stop();
    await mock.close();
  }
  return rows;
}

/** Fault cases passed, fuzz runs, the thundering herd, hostile classify bodies, and cached-read load with a quiet and with a faulty upstream. */
export async function benchReliability(): Promise<Record<string, Record<string, string | number>>> {
  ensureBuild();
  const dir = benchDir();
  const faults = await faultCases(dir);
  const crowd = await herd(dir);
  const rows: Record<string, Record<string, string | number>> = {
    "server fault cases": { passed: faults.passed, of: faults.total, failed: faults.failed.join(" | ") || "none" },
    "fuzz runs per property": { "audit url": API_FUZZ_RUNS, "report id": API_FUZZ_RUNS, "classify body": API_FUZZ_RUNS, "compare m": API_FUZZ_RUNS * 10 },
    "thundering herd": {
      "concurrent requests": crowd.requests,
      "answered 200": crowd.ok,
      "distinct reports": crowd.reports,
      "upstream requests": crowd.upstream,
      "requests of one audit": crowd.oneAudit,
    },
  };
  return { ...rows, ...(await benchHostileBodies(dir)), ...(await loadQuietAndStormy(dir)) };
}
