import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createResponseCache, openDatabase } from "@/lib/db";
import { startStorage } from "@/lib/server/storage";

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("startStorage (what server.ts runs before it listens)", () => {
  it("opens the database the environment names, migrated, and prunes its response cache on the schedule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mofscope-start-"));
    dirs.push(dir);
    const file = join(dir, "nested", "mofscope.sqlite");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("MOFSCOPE_DB", file);
    // a cache entry written before the server starts, stale for a minute
    const before = await openDatabase({ dialect: "sqlite", path: file, statementTimeoutMs: 5_000 });
    await createResponseCache(before).set("stale", { status: 200, headers: {}, body: "", expiresAt: Date.now() - 60_000 });
    await createResponseCache(before).set("fresh", { status: 200, headers: {}, body: "", expiresAt: Date.now() + 60_000 });
    await before.close();

    const lines: string[] = [];
    const started = await startStorage({ prune: { everyMs: 25, graceMs: 1_000 }, log: (line) => lines.push(line) });
    try {
      const cache = createResponseCache(started.database);
      await vi.waitFor(async () => expect(await cache.get("stale")).toBeNull(), { timeout: 2_000 });
      expect(await cache.get("fresh")).not.toBeNull();
      expect(lines).toEqual(["mofscope: pruned 1 stale response-cache entries"]);
    } finally {
      await started.stop();
    }
  });

  it("rejects, with one line naming the problem, when the database cannot be opened", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://app:hunter2@127.0.0.1:9/mofscope");
    vi.stubEnv("MOFSCOPE_DB_CONNECT_TIMEOUT_MS", "2000");
    await expect(startStorage()).rejects.toThrow(/^cannot open PostgreSQL app@127\.0\.0\.1:9\/mofscope: connect ECONNREFUSED 127\.0\.0\.1:9$/);
  });
});
