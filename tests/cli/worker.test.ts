import { describe, expect, it } from "vitest";
import { runCli } from "@/tests/helpers/run-cli";

// the worker's run on PostgreSQL, its SIGTERM and a SIGKILL are in tests/integration/index-queue.test.ts
describe("mofscope worker", () => {
  it("exits 2 with a clear line without DATABASE_URL", async () => {
    const run = await runCli(["worker"], { DATABASE_URL: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("mofscope worker works the PostgreSQL job queue: set DATABASE_URL");
  });

  it.each([["0"], ["65"], ["two"]])("refuses --concurrency %s with exit 2", async (value) => {
    const run = await runCli(["worker", "--concurrency", value], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--concurrency takes a whole number from 1 to 64");
  });

  it("is in the help", async () => {
    const run = await runCli(["help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("mofscope worker [--concurrency N]");
  });
});
