import { describe, expect, it, vi } from "vitest";
import { watchSnapshots } from "@/lib/db";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { cachedPage, createPageStore, invalidateModelKeys, type PageStore, storePage } from "@/lib/server/page-cache/cache";
import { encodeBody } from "@/lib/server/page-cache/encoding";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";
import { auditedReport } from "@/tests/unit/report/sample";

const storage = useStorage();

async function fill(store: PageStore, path: string, body: string): Promise<void> {
  storePage(path, path.startsWith("/badge/") ? "badge" : "report", { bodies: await encodeBody(body), headers: {} }, Date.now(), store);
}

describe.each(DIALECTS_UNDER_TEST)("page caches of two instances on one %s database", (dialect) => {
  it("both drop a model's pages, in any case of its id, soon after either stores a new snapshot of it", async () => {
    const shared = await storage.fresh(dialect);
    const first = await shared.open();
    const second = await shared.open();
    const [a, b] = [createPageStore(), createPageStore()];
    const stops = [watchSnapshots(first, (keys) => invalidateModelKeys(keys, a), 50), watchSnapshots(second, (keys) => invalidateModelKeys(keys, b), 50)];
    try {
      await fill(a, "/models/LLM360/Amber", "old report on a");
      await fill(b, "/models/llm360/amber", "old report on b");
      await fill(b, "/badge/LLM360/Amber.svg", "old badge on b");
      await fill(b, "/models/LLM360/Other", "another model");
      // both watches have taken their first look, so the snapshot below is new to them
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(cachedPage("/models/llm360/AMBER", Date.now(), a)?.bodies.identity.toString()).toBe("old report on a");

      await createSnapshotStore(first).save(auditedReport());

      await vi.waitFor(
        () => {
          expect(cachedPage("/models/LLM360/Amber", Date.now(), a)).toBeNull();
          expect(cachedPage("/models/LLM360/Amber", Date.now(), b)).toBeNull();
          expect(cachedPage("/badge/llm360/amber.svg", Date.now(), b)).toBeNull();
        },
        { timeout: 2_000, interval: 25 },
      );
      expect(cachedPage("/models/LLM360/Other", Date.now(), b)?.bodies.identity.toString()).toBe("another model");
    } finally {
      for (const stop of stops) {
        stop();
      }
    }
  });
});

describe("the page store", () => {
  it("keeps pages within its byte budget, dropping the least recently served", async () => {
    const store = createPageStore(3 * 1024);
    const body = "x".repeat(900);
    await fill(store, "/models/a/one", body);
    await fill(store, "/models/a/two", body);
    cachedPage("/models/a/one", Date.now(), store);
    await fill(store, "/models/a/three", body);
    await fill(store, "/models/a/four", body);
    expect(cachedPage("/models/a/two", Date.now(), store)).toBeNull();
    expect(cachedPage("/models/a/four", Date.now(), store)).not.toBeNull();
    expect(store.pages.calculatedSize).toBeLessThanOrEqual(3 * 1024);
  });
});
