import { describe, expect, it } from "vitest";
import { createStoredRateLimiter } from "@/lib/server/http/rate-limit";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";

const storage = useStorage();

describe.each(DIALECTS_UNDER_TEST)("the stored rate limiter on %s", (dialect) => {
  it("is one count per key for two instances on one database", async () => {
    const shared = await storage.fresh(dialect);
    // two handles, as two processes would open: neither sees the other's memory
    const first = await shared.open();
    const second = await shared.open();
    const a = createStoredRateLimiter(async () => first, { capacity: 3, refillPerMinute: 3 });
    const b = createStoredRateLimiter(async () => second, { capacity: 3, refillPerMinute: 3 });
    expect(await a.take("198.51.100.7")).toEqual({ ok: true });
    expect(await b.take("198.51.100.7")).toEqual({ ok: true });
    expect(await a.take("198.51.100.7")).toEqual({ ok: true });
    const refused = await b.take("198.51.100.7");
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await a.take("198.51.100.7")).toMatchObject({ ok: false });
    expect(await b.take("198.51.100.8")).toEqual({ ok: true });
  });

  it("counts in memory while the database cannot be opened, and uses it once it can", async () => {
    const shared = await storage.fresh(dialect);
    let attempts = 0;
    const limiter = createStoredRateLimiter(
      async () => {
        attempts += 1;
        if (attempts === 1) {
          throw new Error("connect ECONNREFUSED");
        }
        return shared.open();
      },
      { capacity: 1, refillPerMinute: 1 },
    );
    // the first take counts in memory, the next ones in the database the second attempt opened
    expect(await limiter.take("k")).toEqual({ ok: true });
    expect(await limiter.take("k")).toEqual({ ok: true });
    expect(await limiter.take("k")).toMatchObject({ ok: false });
    expect(attempts).toBe(2);
    const other = createStoredRateLimiter(() => shared.open(), { capacity: 1, refillPerMinute: 1 });
    expect(await other.take("k")).toMatchObject({ ok: false });
  });
});
