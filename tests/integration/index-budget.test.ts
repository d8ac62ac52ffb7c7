import { afterEach, describe, expect, it } from "vitest";
import { createUpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { type BudgetSettings, budgetedFetch, budgetSettings, parseRateLimit } from "@/lib/index";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";

let env: IndexEnv | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

const WINDOW = { perWindow: 30, windowMs: 2000 };
const settings: BudgetSettings = { perWindow: { api: WINDOW.perWindow, resolvers: 1000 }, windowMs: WINDOW.windowMs };

// one worker's fetch: its own wrapper, the budget rows shared through the database
const workerFetch = (e: IndexEnv) =>
  budgetedFetch(globalThis.fetch, { store: createUpstreamBudgetStore(e.db), settings, origins: [e.config.hfEndpoint], maxWaitMs: 200 });

describe("the shared upstream budget", () => {
  it("keeps two workers together within the Hub's window: no 429", async () => {
    env = await startIndexEnv({ synthetic: { count: 48, seed: 5, orgs: 2 }, rateLimit: WINDOW });
    const e = env;
    const [a, b] = await Promise.all([
      e.index({ authors: ["synthetic-org-0"] }, { fetch: workerFetch(e) }),
      e.index({ authors: ["synthetic-org-1"] }, { fetch: workerFetch(e) }),
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
