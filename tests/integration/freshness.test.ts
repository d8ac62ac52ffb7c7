import { afterEach, describe, expect, it } from "vitest";
import { createIndexModelStore } from "@/lib/db/index-models";
import { createUpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { createUpstream } from "@/lib/fetchers/upstream";
import { type BudgetSettings, budgetBases, budgetSettings, upstreamBudget } from "@/lib/index";
import type { Report } from "@/lib/report/schema";
import { checkModelHead, type HeadCheckDeps, stalenessOfReport } from "@/lib/server/loaders/freshness";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";

let env: IndexEnv | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

const MODEL = "synthetic-org-0/gen-model-00000";
const WINDOW = 60 * 60_000;
const ROOMY: BudgetSettings = { ...budgetSettings({}), hf: { perWindow: { api: 100, resolvers: 100 }, windowMs: 300_000 } };

/** The synthetic org indexed (its listing is the first head check), and the model's stored report. */
async function indexed(): Promise<{ e: IndexEnv; stored: Report; listedAt: number }> {
  env = await startIndexEnv({ synthetic: { count: 2, seed: 21, orgs: 1 } });
  expect(await env.index({ authors: ["synthetic-org-0"] })).toMatchObject({ audited: 2, failed: 0 });
  // the listing recorded its head check before this
  const listedAt = Date.now();
  const stored = (await env.job.snapshots.latest("hf", MODEL))?.report;
  if (!stored) {
    throw new Error("the index stored no report");
  }
  return { e: env, stored, listedAt };
}

function deps(e: IndexEnv, at: () => number, settings = ROOMY): HeadCheckDeps & { moved: string[] } {
  const moved: string[] = [];
  const budget = upstreamBudget({ store: createUpstreamBudgetStore(e.db), settings, ...budgetBases(e.config), waits: false });
  const upstream = createUpstream(e.config, { ...budget, maxRetries: 0 });
  return { models: createIndexModelStore(e.db), upstream: () => upstream, windowMs: WINDOW, now: () => new Date(at()), onMoved: (id) => moved.push(id), moved };
}

const headChecks = (e: IndexEnv) => e.mock.requests.filter((r) => r.path.startsWith(`/api/models/${MODEL}/revision/main`)).length;

describe("the freshness check of a stored report", () => {
  it("finds the model moved on since its snapshot and says when it changed", async () => {
    const { e, stored, listedAt } = await indexed();
    const check = deps(e, () => listedAt + WINDOW + 1_000);
    expect(await stalenessOfReport(stored, check.models)).toBeNull();
    e.mock.synthetic?.moveCommit(MODEL);
    expect(await checkModelHead(stored, check)).toBe("checked");
    // the synthetic hub dates commit n at 2026-01-01 plus n days
    expect(await stalenessOfReport(stored, check.models)).toEqual({ changedAt: "2026-01-02T00:00:00.000Z" });
    expect(check.moved).toEqual([MODEL]);
    expect(headChecks(e)).toBe(1);
  });

  it("asks the Hub at most once per window, however many views ask", async () => {
    const { e, stored, listedAt } = await indexed();
    let now = listedAt + 1_000;
    const check = deps(e, () => now);
    // the listing just said where the head is: not due yet
    expect(await checkModelHead(stored, check)).toBe("not due");
    now = listedAt + WINDOW + 1_000;
    const views = await Promise.all(Array.from({ length: 8 }, () => checkModelHead(stored, check)));
    expect(views.filter((v) => v === "checked")).toHaveLength(1);
    expect(await checkModelHead(stored, check)).toBe("not due");
    expect(headChecks(e)).toBe(1);
    now += WINDOW;
    expect(await checkModelHead(stored, check)).toBe("checked");
    expect(headChecks(e)).toBe(2);
    // an unchanged head is nothing to re-render
    expect(check.moved).toEqual([]);
  });

  it("never marks a report stale on a failed check, and throws nothing", async () => {
    const { e, stored, listedAt } = await indexed();
    const check = deps(e, () => listedAt + WINDOW + 1_000);
    e.mock.synthetic?.moveCommit(MODEL);
    e.mock.setFaults([{ path: `/api/models/${MODEL}/revision/main`, status: 503 }]);
    expect(await checkModelHead(stored, check)).toBe("failed");
    e.mock.setFaults([{ path: `/api/models/${MODEL}/revision/main`, malformedJson: true }]);
    const later = deps(e, () => listedAt + 2 * WINDOW + 2_000);
    expect(await checkModelHead(stored, later)).toBe("failed");
    expect(await stalenessOfReport(stored, check.models)).toBeNull();
    expect(check.moved).toEqual([]);
    expect(headChecks(e)).toBe(2);
  });

  it("draws from the shared Hub budget and sends nothing when it is spent", async () => {
    const { e, stored, listedAt } = await indexed();
    const tight: BudgetSettings = { ...budgetSettings({}), hf: { perWindow: { api: 1, resolvers: 1 }, windowMs: 300_000 } };
    await createUpstreamBudgetStore(e.db).take(`${new URL(e.config.hfEndpoint).host} api`, 1, tight.hf.windowMs, Date.now());
    e.mock.synthetic?.moveCommit(MODEL);
    expect(
      await checkModelHead(
        stored,
        deps(e, () => listedAt + WINDOW + 1_000, tight),
      ),
    ).toBe("failed");
    expect(headChecks(e)).toBe(0);
  });
});
