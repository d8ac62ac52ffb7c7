import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useStorage } from "@/tests/helpers/databases";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const storage = useStorage();
let mock: MockUpstream;

beforeAll(async () => {
  mock = await startMockUpstream();
});

afterAll(async () => {
  await mock.close();
});

/** One instance: its own process, with its own in-process single flight, on the shared database. */
async function instance(databaseUrl: string, model: string): Promise<{ id: string | null; error: string | null }> {
  const { stdout } = await run(
    join(root, "node_modules", ".bin", "tsx"),
    ["--conditions", "react-server", join(root, "tests", "helpers", "instance-audit.ts"), model],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        HF_ENDPOINT: mock.hfEndpoint,
        GITHUB_API_URL: mock.githubApiUrl,
        ARXIV_API_URL: mock.arxivApiUrl,
        MOFSCOPE_AUDIT_LIMIT: "100",
      },
      timeout: 120_000,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
}

describe("two instances on one PostgreSQL database", () => {
  it("audit an uncached model once between them: one run's upstream requests, one snapshot, the same report", async () => {
    const shared = await storage.fresh("postgres");
    if (shared.config.dialect !== "postgres") {
      throw new Error("expected PostgreSQL");
    }
    const model = "EleutherAI/pythia-160m";
    const ofModel = () => mock.requests.filter((r) => r.path.toLowerCase().includes("pythia-160m")).map((r) => `${r.method} ${r.path}`);
    const [a, b] = await Promise.all([instance(shared.config.url, model), instance(shared.config.url, model)]);
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    expect(a.id).not.toBeNull();
    expect(b.id).toBe(a.id);
    const requests = ofModel();
    expect(requests.length).toBeGreaterThan(0);
    // a second audit would repeat the first one's requests
    expect(requests.length).toBe(new Set(requests).size);
    const database = await shared.open();
    const snapshots = await database.db
      .selectFrom("snapshots")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(snapshots.n)).toBe(1);
    const claims = await database.db.selectFrom("audit_claims").selectAll().execute();
    expect(claims).toEqual([]);
  }, 180_000);
});
