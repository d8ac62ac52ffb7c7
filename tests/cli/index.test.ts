import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSqliteFile } from "@/tests/helpers/databases";
import type { MockUpstream } from "@/tests/helpers/mock-upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { runCli } from "@/tests/helpers/run-cli";

let mock: MockUpstream;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  mock = await startMockUpstream({ synthetic: { count: 12, seed: 3, orgs: 3 } });
  dir = mkdtempSync(join(tmpdir(), "mofscope-cli-index-"));
  env = { HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl, MOFSCOPE_DB: join(dir, "cli.sqlite") };
});

beforeEach(() => {
  mock.setFaults([]);
});

afterAll(async () => {
  await mock.close();
});

describe("mofscope index", () => {
  it("prints one JSON summary, and a second run audits nothing", async () => {
    const first = await runCli(["index", "--author", "synthetic-org-1", "--json"], env);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ listed: 4, audited: 4, unchanged: 0, failed: 0, failures: [] });
    expect(Object.keys(summary).sort()).toEqual(["audited", "enqueued", "failed", "failures", "listed", "requests", "seconds", "unchanged"]);
    const again = JSON.parse((await runCli(["index", "--author", "synthetic-org-1", "--json"], env)).stdout);
    expect(again).toMatchObject({ listed: 4, audited: 0, unchanged: 4, requests: 1 });
  });

  it("draws every Hub request from the shared budget by default, without MOFSCOPE_HF_BUDGET", async () => {
    const before = mock.requests.length;
    const budgetEnv = { ...env, MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-cli-budget-")), "cli.sqlite") };
    const run = await runCli(["index", "--author", "synthetic-org-0", "--json"], budgetEnv);
    expect(JSON.parse(run.stdout)).toMatchObject({ listed: 4, audited: 4, failed: 0 });
    const db = await openSqliteFile(budgetEnv.MOFSCOPE_DB);
    const rows = await db.db.selectFrom("upstream_budget").select(["used"]).execute();
    await db.close();
    expect(rows.reduce((sum, row) => sum + row.used, 0)).toBe(mock.requests.length - before);
  });

  it("names each failed model and its reason", async () => {
    mock.setFaults([{ path: /^\/api\/models\/synthetic-org-2\/gen-model-00002/, status: 404 }]);
    const run = await runCli(["index", "--author", "synthetic-org-2", "--json"], env);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ listed: 4, audited: 3, failed: 1 });
    expect(summary.failures).toEqual([{ model: "synthetic-org-2/gen-model-00002", reason: expect.stringContaining("was not found") }]);
  });

  it("reads ids from a file", async () => {
    const list = join(dir, "list.txt");
    writeFileSync(list, "# models\nsynthetic-org-0/gen-model-00000\nhttps://huggingface.co/synthetic-org-0/gen-model-00003\n");
    const summary = JSON.parse((await runCli(["index", "--file", list, "--json"], env)).stdout);
    expect(summary).toMatchObject({ listed: 2, audited: 2, failed: 0 });
  });

  it.each([
    [[], "at least one of"],
    [["--top", "0"], "--top takes"],
    [["--author", "a/b"], "--author takes"],
    [["--file", "/nonexistent/list.txt"], "cannot read"],
  ])("refuses bad input %j with exit 2", async (args, message) => {
    const run = await runCli(["index", ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("refuses --enqueue-only on SQLite with exit 2, naming DATABASE_URL, and enqueues nothing", async () => {
    const before = mock.requests.length;
    const run = await runCli(["index", "--author", "synthetic-org-0", "--enqueue-only"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--enqueue-only needs the PostgreSQL queue: set DATABASE_URL");
    expect(mock.requests.length).toBe(before);
  });

  it("exits 3 when the list API fails before any listing", async () => {
    mock.setFaults([{ path: "/api/models?", status: 503 }]);
    const run = await runCli(["index", "--search", "gen", "--json"], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("list API failed");
  });
});
