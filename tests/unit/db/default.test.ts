import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDefaultDatabase, defaultDatabase, defaultResponseCache } from "@/lib/db";

afterEach(async () => {
  await closeDefaultDatabase();
  vi.unstubAllEnvs();
});

describe("the default database", () => {
  it("remembers a failed open for a while instead of trying again on every call", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://app:hunter2-secret@127.0.0.1:9/mofscope");
    const first = defaultDatabase();
    await expect(first).rejects.toThrow("cannot open PostgreSQL app@127.0.0.1:9/mofscope: connect ECONNREFUSED 127.0.0.1:9");
    expect(defaultDatabase()).toBe(first);
  });
});

describe("defaultResponseCache", () => {
  it("turns itself off, said once, when the database cannot be opened: reads miss and writes are skipped", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://app:hunter2-secret@127.0.0.1:9/mofscope");
    const lines: string[] = [];
    const cache = defaultResponseCache((line) => lines.push(line));
    expect(await cache.get("k")).toBeNull();
    await expect(cache.set("k", { status: 200, headers: {}, body: "", expiresAt: 1 })).resolves.toBeUndefined();
    expect(await cache.get("k")).toBeNull();
    expect(lines).toEqual(["mofscope: the response cache is off: cannot open PostgreSQL app@127.0.0.1:9/mofscope: connect ECONNREFUSED 127.0.0.1:9"]);
  });
});
