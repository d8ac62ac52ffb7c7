import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@/lib/report/schema";
import { auditedReport } from "@/tests/unit/report/sample";

let get: (request: NextRequest) => Promise<Response>;

const call = (query: string) => get(new NextRequest(`http://127.0.0.1/api/v1/index${query}`));

function audit(id: string, cls: Report["class"], licence: string, sha: string): Report {
  const base = auditedReport();
  return {
    ...base,
    class: cls,
    next:
      cls === 1
        ? null
        : { class: (cls === 0 ? 3 : cls - 1) as 1 | 2 | 3, items: [{ cid: 18, name: "Evaluation code", status: "missing", license: null, fix: null }] },
    progress: { "1": 0, "2": 50, "3": 50 },
    components: base.components.map((c, i) => ({ ...c, license: i === 0 ? licence : null })),
    model: { ...base.model, id, sha },
  };
}

// the route handler in-process on a fresh database, filled through the stores the audits write with
beforeAll(async () => {
  process.env.MOFSCOPE_DB = join(mkdtempSync(join(tmpdir(), "mofscope-api-index-")), "index.sqlite");
  get = (await import("@/app/api/v1/index/route")).GET;
  const { snapshotStore } = await import("@/lib/db/snapshots");
  const { indexModelStore } = await import("@/lib/db/index-models");
  const at = (day: number) => new Date(Date.UTC(2025, 5, day));
  await snapshotStore().save(audit("acme/alpha", 1, "Apache-2.0", "1".repeat(40)), at(1));
  await snapshotStore().save(audit("acme/beta", 3, "MIT", "2".repeat(40)), at(2));
  await snapshotStore().save(audit("other/gamma", 0, '=HYPERLINK("http://evil.example")', "3".repeat(40)), at(3));
  await indexModelStore().recordListed([
    { id: "acme/beta", sha: "f".repeat(40), lastModified: null, pipelineTag: "text-generation", downloads: 1200 },
    { id: "acme/alpha", sha: "1".repeat(40), lastModified: null, pipelineTag: "text-generation", downloads: 10 },
  ]);
});

const errorOf = async (response: Response) => {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe("bad_input");
  return body.error.message as string;
};

describe("GET /api/v1/index", () => {
  it("answers a page of the leaderboard, most open first, with a cursor to the rest and the total", async () => {
    const response = await call("?limit=2");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { modelId: string }) => i.modelId)).toEqual(["acme/alpha", "acme/beta"]);
    expect(body.items[1]).toMatchObject({ class: 3, classLabel: "Class III", stale: true, downloads: 1200, pipeline: "text-generation", licences: ["MIT"] });
    expect(body.items[1].reportUrl).toMatch(/\/models\/acme\/beta$/);
    const rest = await (await call(`?limit=2&cursor=${body.nextCursor}`)).json();
    expect(rest).toMatchObject({ nextCursor: null, total: 3 });
    expect(rest.items.map((i: { modelId: string }) => i.modelId)).toEqual(["other/gamma"]);
  });

  it("filters and sorts as asked", async () => {
    const ids = async (query: string) => ((await (await call(query)).json()).items as { modelId: string }[]).map((i) => i.modelId);
    expect(await ids("?org=ACME&sort=downloads")).toEqual(["acme/beta", "acme/alpha"]);
    expect(await ids("?class=0")).toEqual(["other/gamma"]);
    expect(await ids("?licence=MIT")).toEqual(["acme/beta"]);
    expect(await ids("?stale=true")).toEqual(["acme/beta"]);
    expect(await ids("?stale=false&sort=audited")).toEqual(["other/gamma", "acme/alpha"]);
    expect(await ids("?pipeline=text-generation&class=")).toEqual(["acme/alpha", "acme/beta"]);
  });

  it("refuses a bad class, sort, limit, org or stale flag with a 400 naming the parameter", async () => {
    expect(await errorOf(await call("?class=4"))).toMatch(/^class must be 1, 2 or 3/);
    expect(await errorOf(await call("?class=III"))).toMatch(/^class /);
    expect(await errorOf(await call("?sort=name"))).toMatch(/^sort must be one of openness, downloads, audited/);
    expect(await errorOf(await call("?limit=0"))).toMatch(/^limit must be at least 1/);
    expect(await errorOf(await call("?limit=1000"))).toMatch(/^limit must be at most 200/);
    expect(await errorOf(await call("?org=../etc"))).toMatch(/^org must be an organisation name/);
    expect(await errorOf(await call("?stale=yes"))).toMatch(/^stale must be true or false/);
    expect(await errorOf(await call("?format=xml"))).toMatch(/^format must be json or csv/);
  });

  it("refuses a cursor it did not give out, or one given out for another sort", async () => {
    expect(await errorOf(await call("?cursor=nonsense"))).toMatch(/^cursor /);
    expect(await errorOf(await call("?cursor=%7B%22s%22%3A1%7D"))).toMatch(/^cursor is not a cursor/);
    const { nextCursor } = await (await call("?limit=1")).json();
    expect(await errorOf(await call(`?limit=1&sort=downloads&cursor=${nextCursor}`))).toMatch(/^cursor /);
  });

  it("exports every match as CSV, with cells a spreadsheet would run as formulas defused", async () => {
    const response = await call("?format=csv&limit=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="mofscope-index.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      '"model","source","organisation","class","class_label","next_class","progress_percent","licences","pipeline","downloads","last_audited","stale","provisional","report_url"',
    );
    // every match, not one page: the limit is the API's page size, not the export's
    expect(lines.filter((line) => line !== "")).toHaveLength(4);
    const gamma = lines.find((line) => line.startsWith('"other/gamma"'));
    expect(gamma).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});
