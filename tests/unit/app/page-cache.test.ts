import { describe, expect, it } from "vitest";
import { cachedPage, invalidateModelPages, pageKind, storePage, withNonce } from "@/lib/page-cache";

describe("page cache", () => {
  it("keeps only public report pages, permalinks, MOT records and badges, without a query", () => {
    expect(pageKind("/models/allenai/OLMo-7B", "")).toBe("report");
    expect(pageKind("/r/W25ByMy16Z", "")).toBe("permalink");
    expect(pageKind("/mot/Amber", "")).toBe("record");
    expect(pageKind("/badge/allenai/OLMo-7B.svg", "")).toBe("badge");
    expect(pageKind("/models/allenai/OLMo-7B", "?source=github")).toBeNull();
    for (const path of ["/", "/compare", "/models", "/models/a/b/history", "/api/v1/audit", "/r/short"]) {
      expect(pageKind(path, "")).toBeNull();
    }
  });

  it("serves a stored page until it expires", () => {
    storePage("/mot/Expiring", "record", { body: "x", nonce: null, headers: { "content-type": "text/html" } }, 1_000);
    expect(cachedPage("/mot/Expiring", 2_000)?.body).toBe("x");
    expect(cachedPage("/mot/Expiring", 1_000 + 600_000)).toBeNull();
  });

  it("swaps the nonce it was rendered with for the new one everywhere", () => {
    const page = { body: '<script nonce="OLD">a</script><script nonce="OLD" src="/x.js"></script>', nonce: "OLD", headers: {}, expires: Infinity };
    expect(withNonce(page, "NEW")).toBe('<script nonce="NEW">a</script><script nonce="NEW" src="/x.js"></script>');
  });

  it("drops a model's report page and badge when a new snapshot is stored, and nothing else", () => {
    const now = Date.now();
    storePage("/models/acme/tiny", "report", { body: "r", nonce: null, headers: { "content-type": "text/html" } }, now);
    storePage("/badge/acme/tiny.svg", "badge", { body: "b", nonce: null, headers: { "content-type": "image/svg+xml" } }, now);
    storePage("/models/acme/tiny-2", "report", { body: "o", nonce: null, headers: { "content-type": "text/html" } }, now);
    invalidateModelPages("acme/tiny");
    expect(cachedPage("/models/acme/tiny", now)).toBeNull();
    expect(cachedPage("/badge/acme/tiny.svg", now)).toBeNull();
    expect(cachedPage("/models/acme/tiny-2", now)?.body).toBe("o");
  });

  it("holds at most 300 pages, dropping the oldest", () => {
    const now = Date.now();
    for (let i = 0; i < 310; i++) {
      storePage(`/r/page${String(i).padStart(6, "0")}`, "permalink", { body: String(i), nonce: null, headers: { "content-type": "text/html" } }, now);
    }
    expect(cachedPage("/r/page000000", now)).toBeNull();
    expect(cachedPage("/r/page000309", now)?.body).toBe("309");
  });
});
