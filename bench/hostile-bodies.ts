import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { appEnv, startApp } from "@/tests/helpers/app-server";
import { deepNesting, manyKeys } from "@/tests/helpers/hostile-yaml";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { sparePort } from "./server";

const ROOT = join(import.meta.dirname, "..");
const amber = readFileSync(join(ROOT, "tests", "conformance", "mot", "models", "Amber.yml"), "utf8");

// a record of 250 KB whose one invalid byte is near the end, so the whole body is read and decoded first
function invalidUtf8(): Buffer {
  const padded = amber.replace("name: Amber", `name: Amber\n  notes: '${"x".repeat(250 * 1024 - amber.length)}'`);
  return Buffer.concat([Buffer.from(padded), Buffer.from([0xff])]);
}

const BODIES: [string, () => string | Buffer][] = [
  ["mapping of 20,000 keys (76 KB)", () => manyKeys(20_000)],
  ["mapping of 66,000 keys (260 KB)", () => manyKeys(66_000)],
  ["flow sequences nested 4,000 deep (8 KB)", () => deepNesting(4_000)],
  // within the token limit, and each line a separate error of the library's: the dearest body found that it parses
  ["1,660 lines, each an error (3 KB)", () => `x: ${"a\n".repeat(1_660)}`],
  ["250 KB record, invalid UTF-8 at its end", invalidUtf8],
];

type Row = Record<string, string | number>;

async function post(url: string, body: string | Buffer, client: string): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  const response = await fetch(url, {
    method: "POST",
    body: typeof body === "string" ? body : new Uint8Array(body),
    headers: { "content-type": "application/yaml", "x-forwarded-for": client },
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - start };
}

/**
 * Hostile classify bodies on the production server: each body's time to its 400, then the latency of another route
 * (a stored report's JSON, through Next) with no such bodies and while two clients post 66,000-key mappings without
 * pause. The other route's worst latency bounds how long any one body blocked the event loop.
 */
export async function benchHostileBodies(dir: string): Promise<Record<string, Row>> {
  const mock = await startMockUpstream();
  const app = await startApp(
    await sparePort(),
    appEnv(mock, join(dir, "hostile.sqlite"), { MOFSCOPE_CLASSIFY_LIMIT: "1000000", MOFSCOPE_AUDIT_LIMIT: "1000000" }),
  );
  const classify = `${app.url}/api/v1/classify`;
  const rows: Record<string, Row> = {};
  try {
    for (const [name, make] of BODIES) {
      const body = make();
      const answers = [];
      for (let i = 0; i < 10; i++) {
        answers.push(await post(classify, body, "10.50.0.1"));
      }
      const ms = answers.map((a) => a.ms);
      rows[`classify: ${name}`] = {
        statuses: [...new Set(answers.map((a) => a.status))].join(","),
        "mean ms to answer": Math.round(ms.reduce((a, b) => a + b, 0) / ms.length),
        "max ms to answer": Math.round(Math.max(...ms)),
      };
    }
    const stored = (await (await fetch(`${classify}?permalink=1`, { method: "POST", body: amber })).json()) as { id: string };
    const other = `${app.url}/api/v1/reports/${stored.id}`;
    const measure = async () => {
      const result = await autocannon({ url: other, connections: 10, duration: 5 });
      return { "req/s": Math.round(result.requests.average), "p99 ms": result.latency.p99, "max ms": result.latency.max, "non-2xx": result.non2xx };
    };
    rows["other route, quiet"] = await measure();
    const big = manyKeys(66_000);
    let stop = false;
    const refused: number[] = [];
    const senders = [1, 2].map(async (client) => {
      while (!stop) {
        const answer = await post(classify, big, `10.50.1.${client}`);
        refused.push(answer.status === 400 ? answer.ms : Number.NaN);
      }
    });
    const loaded = await measure();
    stop = true;
    await Promise.all(senders);
    rows["other route, while 66,000-key bodies are posted"] = {
      ...loaded,
      "bodies refused": refused.filter((ms) => !Number.isNaN(ms)).length,
      "not refused": refused.filter((ms) => Number.isNaN(ms)).length,
      "max ms to 400": Math.round(Math.max(...refused.filter((ms) => !Number.isNaN(ms)))),
    };
  } finally {
    await app.stop();
    await mock.close();
  }
  return rows;
}
