import { describe, expect, it } from "vitest";
import { clientKey, createRateLimiter } from "@/lib/server/http/rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst up to capacity, then says when to retry", async () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerMinute: 2, now: () => t });
    expect(await limiter.take("a")).toEqual({ ok: true });
    expect(await limiter.take("a")).toEqual({ ok: true });
    expect(await limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await limiter.take("b")).toEqual({ ok: true });
    t = 30_000;
    expect(await limiter.take("a")).toEqual({ ok: true });
  });

  it("forgets full buckets when it reaches its key limit", async () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 1, refillPerMinute: 60, now: () => t, maxKeys: 2 });
    await limiter.take("a");
    await limiter.take("b");
    t = 10_000;
    expect(await limiter.take("c")).toEqual({ ok: true });
    expect(await limiter.take("a")).toEqual({ ok: true });
  });
});

describe("clientKey", () => {
  it("is the key the edge set, never a forwarded address", () => {
    expect(clientKey(new Headers({ "x-mofscope-client": "198.51.100.9", "x-forwarded-for": "1.2.3.4" }))).toBe("198.51.100.9");
    expect(clientKey(new Headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.5" }))).toBe("unknown");
  });
});
