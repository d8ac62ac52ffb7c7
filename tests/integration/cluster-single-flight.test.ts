import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useStorage } from "@/tests/helpers/databases";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

const root = join(import.meta.dirname, "..", "..");
const storage = useStorage();
let mock: MockUpstream;

beforeAll(async () => {
  mock = await startMockUpstream();
});

afterAll(async () => {
  await mock.close();
});

interface Instance {
  readonly ready: Promise<void>;
  go(): Promise<{ id: string | null; error: string | null }>;
}

/** One instance: its own process, with its own in-process single flight, on the shared database. */
function instance(database: Record<string, string>, model: string): Instance {
  const child = spawn(join(root, "node_modules", ".bin", "tsx"), ["--conditions", "react-server", join(root, "tests", "helpers", "instance-audit.ts"), model], {
    cwd: root,
    env: {
      ...process.env,
      ...database,
      HF_ENDPOINT: mock.hfEndpoint,
      GITHUB_API_URL: mock.githubApiUrl,
      ARXIV_API_URL: mock.arxivApiUrl,
      MOFSCOPE_AUDIT_LIMIT: "100",
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  const lines: (() => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    for (const wake of lines.splice(0)) {
      wake();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const ready = (async () => {
    while (!out.includes("ready\n")) {
      await Promise.race([new Promise<void>((resolve) => lines.push(resolve)), exited.then(() => Promise.reject(new Error(`instance exited: ${out}`)))]);
    }
  })();
  return {
    ready,
    go: async () => {
      child.stdin.end("go\n");
      const code = await exited;
      expect(code).toBe(0);
      return JSON.parse(out.trim().split("\n").at(-1) ?? "null");
    },
  };
}

describe.each([
  ["PostgreSQL database", "postgres", "EleutherAI/pythia-160m"],
  ["SQLite file", "sqlite", "LLM360/Amber"],
] as const)("two instances on one %s", (_, dialect, model) => {
  it("audit an uncached model once between them: one run's upstream requests, one snapshot, the same report", async () => {
    const shared = await storage.fresh(dialect);
    // migrated before the instances start, as by a deploy's `npm run db:migrate`
    const database = await shared.open();
    const env = shared.config.dialect === "postgres" ? { DATABASE_URL: shared.config.url } : { DATABASE_URL: "", MOFSCOPE_DB: shared.config.path };
    const name = model.split("/")[1]?.toLowerCase() ?? "";
    const ofModel = () => mock.requests.filter((r) => r.path.toLowerCase().includes(name)).map((r) => `${r.method} ${r.path}`);
    const instances = [instance(env, model), instance(env, model)];
    // both loaded and connected before either reads, so their reads overlap however slow the machine is
    await Promise.all(instances.map((i) => i.ready));
    const [a, b] = await Promise.all(instances.map((i) => i.go()));
    if (a === undefined || b === undefined) {
      throw new Error("two instances");
    }
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    expect(a.id).not.toBeNull();
    expect(b.id).toBe(a.id);
    const requests = ofModel();
    expect(requests.length).toBeGreaterThan(0);
    // a second audit would repeat the first one's requests
    expect(requests.length).toBe(new Set(requests).size);
    const snapshots = await database.db
      .selectFrom("snapshots")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(snapshots.n)).toBe(1);
    const claims = await database.db.selectFrom("audit_claims").selectAll().execute();
    expect(claims).toEqual([]);
  }, 180_000);
});
