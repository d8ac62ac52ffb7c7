import { afterEach, describe, expect, it } from "vitest";
import { createUpstreamBudgetStore, type UpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { type BudgetSettings, budgetSettings, hubBudget, parseRateLimit } from "@/lib/index";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";

let env: IndexEnv | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

const WINDOW = { perWindow: 30, windowMs: 2000 };
const settings: BudgetSettings = { perWindow: { api: WINDOW.perWindow, resolvers: 1000 }, windowMs: WINDOW.windowMs };

// one worker's client hooks: its own budget, the budget rows shared through the database
const workerBudget = (e: IndexEnv) => hubBudget({ store: createUpstreamBudgetStore(e.db), settings, origins: [e.config.hfEndpoint], maxWaitMs: 200 });

/** Time that moves only when a worker waits on the budget: no test here depends on how fast the machine is. */
function virtualClock(start: number) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      // workers waiting together wake together: the clock moves to the latest wake-up asked for, not their sum
      const wake = t + ms;
      await new Promise((resolve) => setImmediate(resolve));
      t = Math.max(t, wake);
    },
  };
}

type Grant = { kind: "granted"; bucket: string; at: number };
type BudgetEvent = Grant | { kind: "paused"; bucket: string; until: number };
const apiGrants = (events: BudgetEvent[]) => events.filter((event): event is Grant => event.kind === "granted" && event.bucket.endsWith(" api"));

/**
 * The store, one call at a time, logging what it granted and paused in the order the database did it, so "after the
 * pause" means after the pause was stored, not after some promise happened to resolve.
 */
function loggedStore(inner: UpstreamBudgetStore, events: BudgetEvent[]): UpstreamBudgetStore {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = turn.then(run);
    turn = next.catch(() => undefined);
    return next;
  };
  return {
    take: (bucket, perWindow, windowMs, now) =>
      inTurn(async () => {
        const taken = await inner.take(bucket, perWindow, windowMs, now);
        if (taken.ok) {
          events.push({ kind: "granted", bucket, at: now });
        }
        return taken;
      }),
    observe: (...args) => inTurn(() => inner.observe(...args)),
    pause: (bucket, until) =>
      inTurn(async () => {
        await inner.pause(bucket, until);
        events.push({ kind: "paused", bucket, until });
      }),
  };
}

const isApi = (path: string) => path.startsWith("/api/");

describe("the shared upstream budget", () => {
  it("lets a run whose host sends no RateLimit header through without waiting, each bucket counting its own requests", async () => {
    env = await startIndexEnv({ synthetic: { count: 12, seed: 3, orgs: 3 } });
    const e = env;
    const waits: number[] = [];
    const budget = hubBudget({
      store: createUpstreamBudgetStore(e.db),
      settings: budgetSettings({}),
      origins: [e.config.hfEndpoint],
      // under budget nothing may wait; before the fix every request after the first of a second bucket waited a window
      sleep: async (ms) => {
        waits.push(ms);
        throw new Error(`waited ${ms} ms on a budget with room`);
      },
    });
    const summary = await e.index({ authors: ["synthetic-org-1"] }, { http: budget });
    expect(summary).toMatchObject({ listed: 4, audited: 4, failed: 0 });
    expect(waits).toEqual([]);
    expect(e.mock.requests.every((r) => r.headers.ratelimit === undefined)).toBe(true);
    const rows = await e.db.db.selectFrom("upstream_budget").select(["host", "used"]).execute();
    const used = Object.fromEntries(rows.map((r) => [r.host.split(" ")[1], r.used]));
    expect(used).toEqual({
      api: e.mock.requests.filter((r) => isApi(r.path)).length,
      resolvers: e.mock.requests.filter((r) => !isApi(r.path)).length,
    });
  });

  it("keeps two workers together within the Hub's window: no 429", async () => {
    env = await startIndexEnv({ synthetic: { count: 48, seed: 5, orgs: 2 }, rateLimit: WINDOW });
    const e = env;
    const [a, b] = await Promise.all([
      e.index({ authors: ["synthetic-org-0"] }, { http: workerBudget(e) }),
      e.index({ authors: ["synthetic-org-1"] }, { http: workerBudget(e) }),
    ]);
    expect(a).toMatchObject({ listed: 24, audited: 24, failed: 0 });
    expect(b).toMatchObject({ listed: 24, audited: 24, failed: 0 });
    expect(e.mock.rateLimited()).toBe(0);
  }, 120_000);

  it("without the budget the same run meets the Hub's 429s (the check above can fail)", async () => {
    env = await startIndexEnv({ synthetic: { count: 48, seed: 5, orgs: 2 }, rateLimit: WINDOW });
    const e = env;
    await Promise.all([e.index({ authors: ["synthetic-org-0"] }), e.index({ authors: ["synthetic-org-1"] })]);
    expect(e.mock.rateLimited()).toBeGreaterThan(0);
  }, 120_000);

  it("a 429 with Retry-After pauses all workers for that host", async () => {
    env = await startIndexEnv({ synthetic: { count: 24, seed: 9, orgs: 2 } });
    const e = env;
    const limited = "/api/models/synthetic-org-0/gen-model-00006/revision/";
    e.mock.setFaults([{ path: limited, status: 429, retryAfter: 2, times: 1 }]);
    const start = Date.UTC(2026, 0, 1);
    const clock = virtualClock(start);
    const events: BudgetEvent[] = [];
    const store = loggedStore(createUpstreamBudgetStore(e.db), events);
    // two workers (each its own budget client, as two processes would be), three audits in flight in each
    const worker = () => hubBudget({ store, settings: budgetSettings({}), origins: [e.config.hfEndpoint], now: clock.now, sleep: clock.sleep, maxWaitMs: 500 });
    const [a, b] = await Promise.all([
      e.index({ authors: ["synthetic-org-0"] }, { http: worker(), concurrency: 3 }),
      e.index({ authors: ["synthetic-org-1"] }, { http: worker(), concurrency: 3 }),
    ]);
    expect(a).toMatchObject({ listed: 12, audited: 12, failed: 0 });
    expect(b).toMatchObject({ listed: 12, audited: 12, failed: 0 });

    const pauseAt = events.findIndex((event) => event.kind === "paused");
    const pause = events[pauseAt];
    expect(pause).toMatchObject({ kind: "paused", bucket: expect.stringMatching(/ api$/) });
    // nobody had waited before the 429, so the clock still read its start: the pause is exactly the Retry-After
    const until = pause?.kind === "paused" ? pause.until : 0;
    expect(until).toBe(start + 2000);
    const after = apiGrants(events.slice(pauseAt + 1));
    // both workers still had audits to make, and neither was let through before the Retry-After passed
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((event) => event.at < until)).toEqual([]);
    expect(e.mock.requests.filter((r) => r.path.startsWith(limited))).toHaveLength(2);
  });

  it("budget respected under a 429 storm", async () => {
    env = await startIndexEnv({ synthetic: { count: 12, seed: 4, orgs: 1 } });
    const e = env;
    e.mock.setFaults([{ path: "/api/models/", status: 429, retryAfter: 1, times: 20 }]);
    const clock = virtualClock(Date.UTC(2026, 0, 1));
    const events: BudgetEvent[] = [];
    const store = loggedStore(createUpstreamBudgetStore(e.db), events);
    const storm: BudgetSettings = { perWindow: { api: 6, resolvers: 1000 }, windowMs: 10_000 };
    const worker = () => hubBudget({ store, settings: storm, origins: [e.config.hfEndpoint], now: clock.now, sleep: clock.sleep, maxWaitMs: 500 });
    const [a, b] = await Promise.all([
      e.index({ search: "gen-model-0000" }, { http: worker(), concurrency: 4 }),
      e.index({ search: "gen-model-0001" }, { http: worker(), concurrency: 4 }),
    ]);

    // the run ends: every model audited or failed, and a failure says it was rate limited
    for (const run of [a, b]) {
      expect(run.audited + run.failed).toBe(run.listed);
      for (const failure of run.failures) {
        expect(failure.reason).toMatch(/rate.limit/i);
      }
    }
    expect(a.listed + b.listed).toBe(12);
    // windows as the store keeps them: one starts at the first grant after the previous one's end
    const grants = apiGrants(events);
    const perWindow: number[] = [];
    let windowStart = Number.NEGATIVE_INFINITY;
    for (const grant of grants) {
      if (grant.at >= windowStart + storm.windowMs) {
        windowStart = grant.at;
        perWindow.push(0);
      }
      perWindow[perWindow.length - 1] = (perWindow.at(-1) ?? 0) + 1;
    }
    expect(Math.max(...perWindow)).toBeLessThanOrEqual(6);
    expect(perWindow.length).toBeGreaterThan(2);
    expect(grants).toHaveLength(e.mock.requests.filter((r) => isApi(r.path)).length);
    expect(events.filter((event) => event.kind === "paused").length).toBeGreaterThan(0);
  });
});

describe("budget settings", () => {
  it("default under the Hub's anonymous and token limits, and follow MOFSCOPE_HF_BUDGET", () => {
    expect(budgetSettings({}).perWindow.api).toBeLessThan(500);
    expect(budgetSettings({ HF_TOKEN: "hf_x" }).perWindow.api).toBeGreaterThan(500);
    expect(budgetSettings({ HF_TOKEN: "hf_x" }).perWindow.api).toBeLessThan(1000);
    expect(budgetSettings({ MOFSCOPE_HF_BUDGET: "120" }).perWindow).toEqual({ api: 120, resolvers: 720 });
    expect(() => budgetSettings({ MOFSCOPE_HF_BUDGET: "lots" })).toThrow(/MOFSCOPE_HF_BUDGET/);
  });

  it("read the Hub's RateLimit header", () => {
    expect(parseRateLimit('"api";r=488;t=211')).toEqual({ bucket: "api", remaining: 488, resetSeconds: 211 });
    expect(parseRateLimit("nonsense")).toBeNull();
  });
});
