import { describe, expect, it } from "vitest";
import { clientKey, createRateLimiter } from "@/lib/server/http/rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst up to capacity, then says when to retry", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerMinute: 2, now: () => t });
    expect(limiter.take("a")).toEqual({ ok: true });
    expect(limiter.take("a")).toEqual({ ok: true });
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.take("b")).toEqual({ ok: true });
    t = 30_000;
    expect(limiter.take("a")).toEqual({ ok: true });
  });

  it("forgets full buckets when it reaches its key limit", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 1, refillPerMinute: 60, now: () => t, maxKeys: 2 });
    limiter.take("a");
    limiter.take("b");
    t = 10_000;
    expect(limiter.take("c")).toEqual({ ok: true });
    expect(limiter.take("a")).toEqual({ ok: true });
  });
});

describe("clientKey", () => {
  it("takes the first forwarded address", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.1" }))).toBe("1.2.3.4");
    expect(clientKey(new Headers())).toBe("unknown");
  });
});
