import { describe, expect, it } from "vitest";
import { createUpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";

const storage = useStorage();
const WINDOW = 1_000;

describe.each(DIALECTS_UNDER_TEST)("the upstream budget store on %s", (dialect) => {
  it("spends each bucket's window on its own: a take from one bucket leaves the other untouched", async () => {
    const budget = createUpstreamBudgetStore(await storage.open(dialect));
    // the stall: with two buckets, one take updated both rows and was then read as refused, for a whole window
    expect(await budget.take("hub api", 3, WINDOW, 10_000)).toEqual({ ok: true });
    expect(await budget.take("hub resolvers", 3, WINDOW, 10_001)).toEqual({ ok: true });
    expect(await budget.take("hub api", 3, WINDOW, 10_002)).toEqual({ ok: true });
    expect(await budget.take("hub resolvers", 3, WINDOW, 10_003)).toEqual({ ok: true });
    expect(await budget.take("hub api", 3, WINDOW, 10_004)).toEqual({ ok: true });
    expect(await budget.take("hub api", 3, WINDOW, 10_005)).toEqual({ ok: false, waitMs: WINDOW - 5 });
    expect(await budget.take("hub resolvers", 3, WINDOW, 10_006)).toEqual({ ok: true });
    expect(await budget.take("hub resolvers", 3, WINDOW, 10_007)).toEqual({ ok: false, waitMs: WINDOW - 6 });
    // a new window gives each bucket its full budget again
    expect(await budget.take("hub api", 3, WINDOW, 11_000)).toEqual({ ok: true });
  });

  it("holds a paused bucket until the pause ends, and only that bucket", async () => {
    const budget = createUpstreamBudgetStore(await storage.open(dialect));
    expect(await budget.take("hub api", 100, WINDOW, 20_000)).toEqual({ ok: true });
    await budget.pause("hub api", 20_500);
    expect(await budget.take("hub api", 100, WINDOW, 20_100)).toEqual({ ok: false, waitMs: 400 });
    expect(await budget.take("hub resolvers", 100, WINDOW, 20_100)).toEqual({ ok: true });
    expect(await budget.take("hub api", 100, WINDOW, 20_500)).toEqual({ ok: true });
  });

  it("follows the host's RateLimit: no take once the host says nothing remains, until its reset", async () => {
    const budget = createUpstreamBudgetStore(await storage.open(dialect));
    expect(await budget.take("hub api", 100, 300_000, 30_000)).toEqual({ ok: true });
    await budget.observe("hub api", 0, 55, 300_000, 30_000);
    expect(await budget.take("hub api", 100, 300_000, 30_001)).toEqual({ ok: false, waitMs: 54_999 });
    expect(await budget.take("hub api", 100, 300_000, 85_000)).toEqual({ ok: true });
  });
});
