import { describe, expect, it, vi } from "vitest";
import { createResponseCache, pruneSettings, schedulePrune } from "@/lib/db";
import { useStorage } from "@/tests/helpers/databases";

const storage = useStorage();
const entry = (expiresAt: number) => ({ status: 200, headers: {}, body: "", expiresAt });

describe("pruneSettings", () => {
  it("prunes hourly, keeping a week past expiry, unless told otherwise", () => {
    expect(pruneSettings({})).toEqual({ everyMs: 3_600_000, graceMs: 604_800_000 });
    expect(pruneSettings({ MOFSCOPE_CACHE_PRUNE_MINUTES: "0.5", MOFSCOPE_CACHE_GRACE_HOURS: "0" })).toEqual({ everyMs: 30_000, graceMs: 0 });
    expect(() => pruneSettings({ MOFSCOPE_CACHE_PRUNE_MINUTES: "0" })).toThrow(/^invalid cache configuration: MOFSCOPE_CACHE_PRUNE_MINUTES/);
  });
});

describe("schedulePrune", () => {
  it("deletes entries stale past the grace period on every tick, logs what went, and stops when told", async () => {
    const cache = createResponseCache(await storage.open("sqlite"));
    const lines: string[] = [];
    await cache.set("long-expired", entry(Date.now() - 60_000));
    await cache.set("just-expired", entry(Date.now() - 10));
    const stop = schedulePrune(cache, { everyMs: 20, graceMs: 30_000 }, (line) => lines.push(line));
    await vi.waitFor(() => expect(lines).toEqual(["mofscope: pruned 1 stale response-cache entries"]), { timeout: 2_000 });
    expect(await cache.get("long-expired")).toBeNull();
    expect(await cache.get("just-expired")).not.toBeNull();
    await cache.set("expired-later", entry(Date.now() - 60_000));
    await vi.waitFor(async () => expect(await cache.get("expired-later")).toBeNull(), { timeout: 2_000 });
    stop();
    await cache.set("after-stop", entry(Date.now() - 60_000));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await cache.get("after-stop")).not.toBeNull();
  });

  it("logs a failed run and tries again at the next tick", async () => {
    const database = await storage.open("sqlite");
    const lines: string[] = [];
    await database.close();
    const stop = schedulePrune(createResponseCache(database), { everyMs: 20, graceMs: 0 }, (line) => lines.push(line));
    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(2), { timeout: 2_000 });
    stop();
    expect(lines[0]).toMatch(/^mofscope: response-cache prune failed: /);
  });
});
