import { afterEach, describe, expect, it, vi } from "vitest";
import { createUpstreamBudgetStore, type UpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { type BudgetSettings, budgetBases, budgetSettings, type HostSettings, parseGithubRateLimit, parseRateLimit, upstreamBudget } from "@/lib/index";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";

let env: IndexEnv | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

const WINDOW = { perWindow: 30, windowMs: 2000 };
// the Hub's bucket as a test sets it, GitHub's at its default
const withHub = (hf: HostSettings): BudgetSettings => ({ ...budgetSettings({}), hf });
const settings = withHub({ perWindow: { api: WINDOW.perWindow, resolvers: 1000 }, windowMs: WINDOW.windowMs });

// one worker's client hooks: its own budget, the budget rows shared through the database
const workerBudget = (e: IndexEnv) => upstreamBudget({ store: createUpstreamBudgetStore(e.db), settings, ...budgetBases(e.config), maxWaitMs: 200 });

/**
 * Time that moves only when a worker waits on the budget: no test here depends on how fast the machine is. Waits
 * hold at `gate` until it opens, so a test can bring every worker to the budget before any time passes.
 */
function virtualClock(start: number, gate: Promise<unknown> = Promise.resolve()) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      // workers waiting together wake together: the clock moves to the latest wake-up asked for, not their sum
      const wake = t + ms;
      await gate;
      await new Promise((resolve) => setImmediate(resolve));
      t = Math.max(t, wake);
    },
  };
}

type Grant = { kind: "granted"; bucket: string; at: number; worker: string };
type BudgetEvent = Grant | { kind: "refused"; bucket: string; at: number; worker: string } | { kind: "paused"; bucket: string; until: number };
const apiGrants = (events: BudgetEvent[]) => events.filter((event): event is Grant => event.kind === "granted" && event.bucket.endsWith(" api"));

/**
 * The store, one call at a time, logging what it granted, refused and paused in the order the database did it, so
 * "after the pause" means after the pause was stored, not after some promise happened to resolve. One log serves
 * several workers, each its store named.
 */
function budgetLog(inner: UpstreamBudgetStore, events: BudgetEvent[]): (worker?: string) => UpstreamBudgetStore {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = turn.then(run);
    turn = next.catch(() => undefined);
    return next;
  };
  return (worker = "") => ({
    take: (bucket, perWindow, windowMs, now) =>
      inTurn(async () => {
        const taken = await inner.take(bucket, perWindow, windowMs, now);
        events.push({ kind: taken.ok ? "granted" : "refused", bucket, at: now, worker });
        return taken;
      }),
    observe: (...args) => inTurn(() => inner.observe(...args)),
    pause: (bucket, until) =>
      inTurn(async () => {
        await inner.pause(bucket, until);
        events.push({ kind: "paused", bucket, until });
      }),
  });
}

const isApi = (path: string) => path.startsWith("/api/");

describe("the shared upstream budget", () => {
  it("lets a run whose host sends no RateLimit header through without waiting, each bucket counting its own requests", async () => {
    env = await startIndexEnv({ synthetic: { count: 12, seed: 3, orgs: 3 } });
    const e = env;
    const waits: number[] = [];
    const budget = upstreamBudget({
      store: createUpstreamBudgetStore(e.db),
      settings: budgetSettings({}),
      ...budgetBases(e.config),
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
    const store = budgetLog(createUpstreamBudgetStore(e.db), events)();
    // two workers (each its own budget client, as two processes would be), three audits in flight in each
    const worker = () => upstreamBudget({ store, settings: budgetSettings({}), ...budgetBases(e.config), now: clock.now, sleep: clock.sleep, maxWaitMs: 500 });
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
    const store = budgetLog(createUpstreamBudgetStore(e.db), events)();
    const storm = withHub({ perWindow: { api: 6, resolvers: 1000 }, windowMs: 10_000 });
    const worker = () => upstreamBudget({ store, settings: storm, ...budgetBases(e.config), now: clock.now, sleep: clock.sleep, maxWaitMs: 500 });
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
      if (grant.at >= windowStart + storm.hf.windowMs) {
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

const FAMILY = { github: "allenai/OLMo", arxiv: "2402.00838", dataset: "allenai/dolma" };
const isGithub = (path: string) => path.startsWith("/github/");
const isGithubBucket = (bucket: string) => bucket.endsWith("/github core");

describe("the shared budget of the GitHub API", () => {
  it("draws every GitHub request of an index run from the GitHub bucket, not the Hub's", async () => {
    env = await startIndexEnv({ synthetic: { count: 6, seed: 13, orgs: 1, family: { size: 6, ...FAMILY } } });
    const e = env;
    const budget = upstreamBudget({
      store: createUpstreamBudgetStore(e.db),
      settings: budgetSettings({}),
      ...budgetBases(e.config),
      sleep: async (ms) => {
        throw new Error(`waited ${ms} ms on a budget with room`);
      },
    });
    expect(await e.index({ authors: ["synthetic-org-0"] }, { http: budget })).toMatchObject({ listed: 6, audited: 6, failed: 0 });
    const rows = await e.db.db.selectFrom("upstream_budget").select(["host", "used", "remaining"]).execute();
    const row = (suffix: string) => rows.find((r) => r.host.endsWith(suffix));
    const paths = e.mock.requests.map((r) => r.path);
    expect(paths.filter(isGithub).length).toBeGreaterThan(0);
    expect(row("/github core")?.used).toBe(paths.filter(isGithub).length);
    // the mock's x-ratelimit-remaining (59 on every answer) is what the bucket now believes is left
    expect(row("/github core")?.remaining).toBe(59);
    // the Hub's buckets count only the Hub's requests (arXiv is not budgeted)
    expect(row(" api")?.used).toBe(paths.filter(isApi).length);
    expect(row(" resolvers")?.used).toBe(paths.filter((p) => !isApi(p) && !isGithub(p) && !p.startsWith("/arxiv/")).length);
    expect(rows).toHaveLength(3);
  });

  it("a 403 with x-ratelimit-remaining: 0 pauses every worker's GitHub requests until the reset, and only GitHub's", async () => {
    env = await startIndexEnv({ synthetic: { count: 8, seed: 17, orgs: 2, family: { size: 8, ...FAMILY } } });
    const e = env;
    const start = Date.UTC(2026, 0, 1);
    const reset = start / 1000 + 60;
    e.mock.setFaults([
      {
        path: "/github/",
        status: 403,
        body: JSON.stringify({ message: "API rate limit exceeded for 127.0.0.1." }),
        headers: { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset), "x-ratelimit-resource": "core" },
        times: 1,
      },
    ]);
    let open: (value?: unknown) => void = () => undefined;
    const clock = virtualClock(start, new Promise((resolve) => (open = resolve)));
    const events: BudgetEvent[] = [];
    const stores = budgetLog(createUpstreamBudgetStore(e.db), events);
    const worker = (name: string) =>
      upstreamBudget({ store: stores(name), settings: budgetSettings({}), ...budgetBases(e.config), now: clock.now, sleep: clock.sleep, maxWaitMs: 5_000 });
    const githubPause = () => events.find((event) => event.kind === "paused" && isGithubBucket(event.bucket));
    try {
      // worker a meets the limit; worker b starts only then, and the clock stands still until b too asked GitHub
      const a = e.index({ authors: ["synthetic-org-0"] }, { http: worker("a"), concurrency: 2 });
      await vi.waitFor(() => expect(githubPause()).toBeDefined(), { timeout: 20_000, interval: 10 });
      const b = e.index({ authors: ["synthetic-org-1"] }, { http: worker("b"), concurrency: 2 });
      await vi.waitFor(() => expect(events.some((event) => event.kind === "refused" && event.worker === "b" && isGithubBucket(event.bucket))).toBe(true), {
        timeout: 20_000,
        interval: 10,
      });
      // paused for GitHub, b still reached it through the Hub: the pause is the host's, not every host's
      expect(events.some((event) => event.kind === "granted" && event.worker === "b" && event.bucket.endsWith(" api"))).toBe(true);
      open();
      expect(await a).toMatchObject({ listed: 4, audited: 4, failed: 0 });
      expect(await b).toMatchObject({ listed: 4, audited: 4, failed: 0 });
    } finally {
      open();
    }
    const pause = githubPause();
    expect(pause).toMatchObject({ until: reset * 1000 });
    const pauseAt = pause ? events.indexOf(pause) : -1;
    const after = events.slice(pauseAt + 1).filter((event): event is Grant => event.kind === "granted" && isGithubBucket(event.bucket));
    for (const name of ["a", "b"]) {
      expect(after.filter((grant) => grant.worker === name).length).toBeGreaterThan(0);
    }
    expect(after.filter((grant) => grant.at < reset * 1000)).toEqual([]);
  });
  it("reads a reset past the hour (a skewed clock) as the window's end, not a wait of years", async () => {
    env = await startIndexEnv({ synthetic: { count: 1, seed: 1, orgs: 1 } });
    const e = env;
    const start = Date.UTC(2026, 0, 1);
    const tenYears = String(start / 1000 + 10 * 365 * 86_400);
    // the host's own answer: nothing left, a reset ten years on
    const spent = new Response("{}", { status: 200, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": tenYears } });
    const budget = upstreamBudget({
      store: createUpstreamBudgetStore(e.db),
      settings: budgetSettings({}),
      ...budgetBases(e.config),
      now: () => start,
      fetch: async () => spent,
    });
    const url = `${e.config.githubApiUrl}/repos/allenai/OLMo`;
    await budget.admit(url);
    await budget.fetch(url);
    const taken = await createUpstreamBudgetStore(e.db).take(`${new URL(url).host}/github core`, 54, 3_600_000, start);
    expect(taken).toEqual({ ok: false, waitMs: 3_600_000 });
  });
});

describe("budget settings", () => {
  it("default under the Hub's anonymous and token limits, and follow MOFSCOPE_HF_BUDGET", () => {
    expect(budgetSettings({}).hf.perWindow.api).toBeLessThan(500);
    expect(budgetSettings({ HF_TOKEN: "hf_x" }).hf.perWindow.api).toBeGreaterThan(500);
    expect(budgetSettings({ HF_TOKEN: "hf_x" }).hf.perWindow.api).toBeLessThan(1000);
    expect(budgetSettings({ MOFSCOPE_HF_BUDGET: "120" }).hf.perWindow).toEqual({ api: 120, resolvers: 720 });
    expect(() => budgetSettings({ MOFSCOPE_HF_BUDGET: "lots" })).toThrow(/MOFSCOPE_HF_BUDGET/);
  });

  it("give GitHub an hourly window under its 60 anonymous and 5,000 token requests, and follow MOFSCOPE_GITHUB_BUDGET", () => {
    expect(budgetSettings({}).github).toEqual({ perWindow: { core: 54 }, windowMs: 3_600_000 });
    expect(budgetSettings({ GITHUB_TOKEN: "ghp_x" }).github.perWindow.core).toBe(4500);
    expect(budgetSettings({ GITHUB_TOKEN: "ghp_x", MOFSCOPE_GITHUB_BUDGET: "1200" }).github.perWindow.core).toBe(1200);
    // one host's token or override leaves the other's budget alone
    expect(budgetSettings({ GITHUB_TOKEN: "ghp_x" }).hf).toEqual(budgetSettings({}).hf);
    expect(budgetSettings({ MOFSCOPE_GITHUB_BUDGET: "30" }).hf).toEqual(budgetSettings({}).hf);
    for (const bad of ["lots", "0", "-5", "1.5", "9999999"]) {
      expect(() => budgetSettings({ MOFSCOPE_GITHUB_BUDGET: bad })).toThrow("invalid MOFSCOPE_GITHUB_BUDGET: a whole number of GitHub API requests per hour");
    }
  });

  it("read the Hub's RateLimit header", () => {
    expect(parseRateLimit('"api";r=488;t=211')).toEqual({ bucket: "api", remaining: 488, resetSeconds: 211 });
    expect(parseRateLimit("nonsense")).toBeNull();
  });

  it("read GitHub's x-ratelimit headers against the clock", () => {
    const headers = new Headers({ "x-ratelimit-remaining": "12", "x-ratelimit-reset": "1767225900", "x-ratelimit-resource": "core" });
    expect(parseGithubRateLimit(headers, Date.UTC(2026, 0, 1))).toEqual({ bucket: "core", remaining: 12, resetSeconds: 300 });
    expect(parseGithubRateLimit(new Headers({ "x-ratelimit-remaining": "12" }), 0)).toBeNull();
  });
});
