import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createResponseCache } from "@/lib/db";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";

const storage = useStorage();

describe.each(DIALECTS_UNDER_TEST)("createResponseCache on %s", (dialect) => {
  it("round-trips an entry and overwrites it on set", async () => {
    const cache = createResponseCache(await storage.open(dialect));
    const entry = { status: 200, headers: { etag: '"a"' }, body: "{}", expiresAt: 1_767_225_600_000 };
    await cache.set("k", entry);
    expect(await cache.get("k")).toEqual(entry);
    await cache.set("k", { ...entry, body: "[]" });
    expect((await cache.get("k"))?.body).toBe("[]");
    expect(await cache.get("missing")).toBeNull();
  });

  it("reads a corrupt row as a miss", async () => {
    const database = await storage.open(dialect);
    await sql`INSERT INTO response_cache VALUES ('bad', 200, 'not json', '', 0, 0)`.execute(database.db);
    expect(await createResponseCache(database).get("bad")).toBeNull();
  });

  it("prunes entries stale for longer than the given age, and only those", async () => {
    const cache = createResponseCache(await storage.open(dialect), () => 1_000_000);
    await cache.set("old", { status: 200, headers: {}, body: "", expiresAt: 1 });
    await cache.set("stale-but-kept", { status: 200, headers: {}, body: "", expiresAt: 999_500 });
    await cache.set("fresh", { status: 200, headers: {}, body: "", expiresAt: 2_000_000 });
    expect(await cache.prune(1000)).toBe(1);
    expect(await cache.get("old")).toBeNull();
    expect(await cache.get("stale-but-kept")).not.toBeNull();
    expect(await cache.get("fresh")).not.toBeNull();
    expect(await cache.prune(1000)).toBe(0);
  });
});
