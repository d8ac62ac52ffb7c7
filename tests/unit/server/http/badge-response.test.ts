import { describe, expect, it } from "vitest";
import { badgeResponse, requestedBadgeStyle } from "@/lib/server/http/badge-response";

const request = (query: string) => new Request(`http://127.0.0.1/badge/acme/tiny.svg${query}`);

describe("requestedBadgeStyle", () => {
  it("reads the style of the query, flat without one, whatever else the query holds", () => {
    expect(requestedBadgeStyle(request(""))).toEqual({ ok: true, style: "flat" });
    expect(requestedBadgeStyle(request("?source=github&style=for-the-badge"))).toEqual({ ok: true, style: "for-the-badge" });
  });

  it("answers an unknown style with a 400 badge that says why, is never cached and runs nothing", async () => {
    const requested = requestedBadgeStyle(request("?style=plastic"));
    expect(requested.ok).toBe(false);
    const response = requested.ok ? null : requested.response;
    expect(response?.status).toBe(400);
    expect(response?.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response?.headers.get("cache-control")).toBe("no-store");
    expect(response?.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await response?.text()).toContain("style must be flat, flat-square or for-the-badge");
  });
});

describe("badgeResponse", () => {
  it("serves the badge in the style asked for with the badge headers", async () => {
    const response = badgeResponse({ class: 1, provisional: false }, "for-the-badge");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=86400");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await response.text()).toContain(">CLASS I<");
  });

  it("carries the status and a shorter caching when given", () => {
    const response = badgeResponse({ class: null, provisional: false }, "flat", { status: 404, cacheControl: "public, max-age=300" });
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
  });
});
