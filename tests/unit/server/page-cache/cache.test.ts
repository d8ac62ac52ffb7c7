import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { internalSecret } from "@/lib/server/http/internal";
import { cacheableRequest, cachedPage, invalidateModelPages, pageKind, replayedHeaders, storePage } from "@/lib/server/page-cache/cache";
import { encodeBody } from "@/lib/server/page-cache/encoding";

const page = (text: string) => ({
  bodies: { br: Buffer.alloc(0), gzip: Buffer.alloc(0), identity: Buffer.from(text) },
  headers: { "content-type": "text/html" },
});

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

  it("answers only plain GETs from the cache: not a fill, a client navigation's RSC request or a prefetch", () => {
    const none = () => undefined;
    expect(cacheableRequest("GET", "/models/allenai/OLMo-7B", none)).toBe("report");
    expect(cacheableRequest("GET", "/models/allenai/OLMo-7B?source=github", none)).toBeNull();
    expect(cacheableRequest("GET", "/models/allenai/OLMo-7B?", none)).toBe("report");
    expect(cacheableRequest("POST", "/models/allenai/OLMo-7B", none)).toBeNull();
    expect(cacheableRequest("HEAD", "/models/allenai/OLMo-7B", none)).toBeNull();
    for (const name of ["rsc", "next-router-prefetch"]) {
      expect(
        cacheableRequest("GET", "/models/allenai/OLMo-7B", (asked) => (asked === name ? "1" : undefined)),
        name,
      ).toBeNull();
    }
    const fill: Record<string, string> = { "x-mofscope-fill": "1", "x-mofscope-internal": internalSecret() };
    expect(cacheableRequest("GET", "/models/allenai/OLMo-7B", (asked) => fill[asked])).toBeNull();
    // a client's own fill header, without the secret, changes nothing
    expect(cacheableRequest("GET", "/models/allenai/OLMo-7B", (asked) => ({ ...fill, "x-mofscope-internal": "guessed" })[asked])).toBe("report");
  });

  it("serves a stored page until it expires", () => {
    storePage("/mot/Expiring", "record", page("x"), 1_000);
    expect(cachedPage("/mot/Expiring", 2_000)?.bodies.identity.toString()).toBe("x");
    expect(cachedPage("/mot/Expiring", 1_000 + 600_000)).toBeNull();
  });

  it("drops a model's report page and badge when a new snapshot is stored, and nothing else", () => {
    const now = Date.now();
    storePage("/models/acme/tiny", "report", page("r"), now);
    storePage("/badge/acme/tiny.svg", "badge", page("b"), now);
    storePage("/models/acme/tiny-2", "report", page("o"), now);
    invalidateModelPages("acme/tiny");
    expect(cachedPage("/models/acme/tiny", now)).toBeNull();
    expect(cachedPage("/badge/acme/tiny.svg", now)).toBeNull();
    expect(cachedPage("/models/acme/tiny-2", now)?.bodies.identity.toString()).toBe("o");
  });

  it("keeps one page for every case of a model's id", () => {
    const now = Date.now();
    storePage("/models/Acme/Cased", "report", page("c"), now);
    expect(cachedPage("/models/acme/cased", now)?.bodies.identity.toString()).toBe("c");
    invalidateModelPages("ACME/cased");
    expect(cachedPage("/models/Acme/Cased", now)).toBeNull();
  });

  it("replays a page's type and caching, and trades its nonce policy for the hashes of the scripts that had the nonce", () => {
    const html = '<script nonce="N1">a()</script><script nonce="N1" src="/x.js"></script><script>evil()</script>';
    const headers = new Headers({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'self'; script-src 'self' 'nonce-N1' 'strict-dynamic'",
      "set-cookie": "a=b",
      link: "</x.css>; rel=preload",
    });
    const replayed = replayedHeaders(html, headers);
    expect(Object.keys(replayed).sort()).toEqual(["cache-control", "content-security-policy", "content-type"]);
    // sha256("a()") in base64, computed independently: printf 'a()' | openssl dgst -sha256 -binary | base64
    // only the inline script that had the nonce: not the external one, not the injected one
    expect(/script-src ([^;]*)/.exec(replayed["content-security-policy"] ?? "")?.[1]).toBe("'self' 'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='");
  });

  it("keeps a route's own policy (a badge's) as it is", () => {
    const own = "default-src 'none'; style-src 'unsafe-inline'";
    expect(replayedHeaders("<svg/>", new Headers({ "content-type": "image/svg+xml", "content-security-policy": own }))["content-security-policy"]).toBe(own);
  });

  it("stores each body compressed once, in brotli and gzip that decode to the same bytes", async () => {
    const html = `<!DOCTYPE html><p>${"Open Model ".repeat(2_000)}é</p>`;
    const bodies = await encodeBody(html);
    expect(bodies.identity.toString("utf8")).toBe(html);
    expect(brotliDecompressSync(bodies.br).toString("utf8")).toBe(html);
    expect(gunzipSync(bodies.gzip).toString("utf8")).toBe(html);
    expect(bodies.br.length).toBeLessThan(html.length / 10);
  });
});
