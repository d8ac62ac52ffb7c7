import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIndexJob } from "@/lib/index";
import { snapshotCount } from "@/tests/helpers/databases";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";

let env: IndexEnv;
const SEARCH = { search: "gen-model" };

beforeAll(async () => {
  env = await startIndexEnv({ synthetic: { count: 1000, seed: 7 } });
});

afterAll(async () => {
  await env?.close();
});

const listPages = (from: number) => env.mock.requests.slice(from).filter((r) => r.path.startsWith("/api/models?"));
const snapshotsOf = (id?: string) => snapshotCount(env.db, id);

describe("mofscope index over 1,000 generated models", () => {
  it("lists every model through the paged list API and audits each once", async () => {
    const before = env.mock.requests.length;
    const summary = await env.index(SEARCH);
    expect(summary).toMatchObject({ listed: 1000, audited: 1000, unchanged: 0, failed: 0, failures: [] });
    // the library asks 500 per page: two pages, chained by the Link header
    expect(listPages(before)).toHaveLength(2);
    expect(summary.requests).toBe(env.mock.requests.length - before);
    expect(await snapshotsOf()).toBe(1000);
  }, 600_000);

  it("re-indexing with nothing changed costs only the list pages and stores nothing", async () => {
    const before = env.mock.requests.length;
    const summary = await env.index(SEARCH);
    expect(summary).toMatchObject({ listed: 1000, audited: 0, unchanged: 1000, failed: 0 });
    expect(env.mock.requests.length - before).toBe(2);
    expect(listPages(before)).toHaveLength(2);
    expect(await snapshotsOf()).toBe(1000);
  }, 120_000);

  it("re-audits exactly the models whose commit moved", async () => {
    const synthetic = env.mock.synthetic;
    if (synthetic === null) {
      throw new Error("the mock serves generated models");
    }
    const moved = synthetic.ids.filter((_, i) => i % 97 === 3).slice(0, 10);
    expect(moved).toHaveLength(10);
    for (const id of moved) {
      synthetic.moveCommit(id);
    }
    const before = env.mock.requests.length;
    const summary = await env.index(SEARCH);
    expect(summary).toMatchObject({ listed: 1000, audited: 10, unchanged: 990, failed: 0 });
    const touched = new Set(
      env.mock.requests
        .slice(before)
        .filter((r) => !r.path.startsWith("/api/models?"))
        .map((r) => r.path.match(/synthetic-org-\d+\/gen-model-\d+/)?.[0]),
    );
    expect([...touched].sort()).toEqual([...moved].sort());
    for (const id of moved) {
      expect(await snapshotsOf(id)).toBe(2);
      const latest = await env.job.snapshots.latest("hf", id);
      expect(latest?.report.model.sha).toBe(synthetic.sha(id));
    }
    expect(await snapshotsOf()).toBe(1010);
  }, 120_000);

  it("lists one organisation through the author filter", async () => {
    const summary = await env.index({ authors: ["synthetic-org-3"] });
    expect(summary).toMatchObject({ listed: 100, audited: 0, unchanged: 100 });
  }, 60_000);

  it("a job retried after its snapshot was saved stores no second snapshot", async () => {
    const id = env.mock.synthetic?.ids[500] ?? "";
    const sha = env.mock.synthetic?.sha(id) ?? null;
    const count = await snapshotsOf(id);
    const before = env.mock.requests.length;
    // a forced job whose worker died after the save, before the ack: it runs again with the same commit and
    // finds a snapshot at that commit made after it was enqueued
    const result = await runIndexJob({ id, sha, enqueuedAt: "2000-01-01T00:00:00.000Z", force: true }, env.job);
    expect(result.status).toBe("unchanged");
    expect(env.mock.requests.length).toBe(before);
    expect(await snapshotsOf(id)).toBe(count);
  });

  it("a model whose commit moved between its listing and its audit is recorded at the commit the audit read", async () => {
    const synthetic = env.mock.synthetic;
    const id = synthetic?.ids[600] ?? "";
    const listed = synthetic?.sha(id) ?? null;
    await env.job.models.recordListed([{ id, sha: listed, lastModified: null, pipelineTag: null, downloads: null }]);
    // pushed after the listing: the job carries the listed commit, the audit reads the new one
    const moved = synthetic?.moveCommit(id) ?? "";
    const result = await runIndexJob({ id, sha: listed, enqueuedAt: new Date().toISOString(), force: true }, env.job);
    expect(result.status).toBe("audited");
    const row = await env.job.models.get(id);
    // the head is the one the report read, so the report is not called stale until the model moves again
    expect({ sha: row?.sha, audited: row?.audited_sha }).toEqual({ sha: moved, audited: moved });
    expect(moved).not.toBe(listed);
  });

  it("--force re-audits every model even when nothing moved", async () => {
    const summary = await env.index({ authors: ["synthetic-org-5"] }, { force: true });
    expect(summary).toMatchObject({ listed: 100, audited: 100, unchanged: 0, failed: 0 });
  }, 300_000);
});
