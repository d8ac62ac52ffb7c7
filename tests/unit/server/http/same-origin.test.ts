import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/server/http/same-origin";

const URL_SEEN = "http://127.0.0.1:3000/models/LLM360/Amber/reaudit";
const allowed = (headers: Record<string, string>, publicUrl?: string, url = URL_SEEN) => isSameOriginRequest({ headers: new Headers(headers), url }, publicUrl);

describe("isSameOriginRequest", () => {
  it("takes the browser's Sec-Fetch-Site when present: only same-origin passes, whatever Origin says", () => {
    expect(allowed({ "sec-fetch-site": "same-origin" })).toBe(true);
    expect(allowed({ "sec-fetch-site": "same-origin", origin: "https://evil.example" })).toBe(true);
    for (const site of ["cross-site", "same-site", "none", "", "SAME-ORIGIN"]) {
      expect(allowed({ "sec-fetch-site": site, origin: "http://127.0.0.1:3000" }), site).toBe(false);
    }
  });

  it("without it, passes an Origin equal to the request's own origin or the public one, and nothing else", () => {
    expect(allowed({ origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(allowed({ origin: "https://mofscope.example" }, "https://mofscope.example/")).toBe(true);
    for (const origin of [
      "https://evil.example",
      "null",
      "http://127.0.0.1:3001",
      "https://127.0.0.1:3000",
      "http://127.0.0.1:3000.evil.example",
      "http://127.0.0.1:3000/",
      "",
    ]) {
      expect(allowed({ origin }, "https://mofscope.example"), origin).toBe(false);
    }
    expect(allowed({ origin: "https://mofscope.example" }, "not a url")).toBe(false);
  });

  it("passes an Origin whose host is the request's Host (a browser sends its target's), never X-Forwarded-Host", () => {
    expect(allowed({ origin: "http://mofscope.lan:3000", host: "mofscope.lan:3000" })).toBe(true);
    expect(allowed({ origin: "https://mofscope.example", host: "MOFSCOPE.example" })).toBe(true);
    expect(allowed({ origin: "https://evil.example", host: "mofscope.example" })).toBe(false);
    expect(allowed({ origin: "http://mofscope.lan", host: "mofscope.lan:3000" })).toBe(false);
    expect(allowed({ origin: "https://evil.example", host: "mofscope.example", "x-forwarded-host": "evil.example" })).toBe(false);
    expect(allowed({ origin: "null", host: "null" })).toBe(false);
  });

  it("passes a request with neither header: not a browser, so nothing of a visitor's to borrow", () => {
    expect(allowed({})).toBe(true);
  });
});

const APP = join(import.meta.dirname, "..", "..", "..", "..", "app");
const routeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : [],
  );
// the JSON API takes no cookies and is meant for other origins' clients; classify spends no audit and no limit
const CROSS_ORIGIN_API = ["api/v1/classify/route.ts"];
// cross-site by nature (the Hub's webhook, an operator's script), so guarded by a shared secret instead: no browser holds it
const SECRET_GUARDED = ["api/v1/hooks/huggingface/route.ts", "api/v1/index/jobs/route.ts"];

describe("state-changing routes", () => {
  it("each check the origin, except the JSON API made for cross-origin clients and the secret-guarded write endpoints", () => {
    const changing = routeFiles(APP).filter((file) => /export (async )?function (POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")));
    expect(changing.length).toBeGreaterThan(1);
    const unchecked = changing.filter((file) => !readFileSync(file, "utf8").includes("isSameOriginRequest(request)")).map((file) => relative(APP, file));
    expect(unchecked.sort()).toEqual([...CROSS_ORIGIN_API, ...SECRET_GUARDED].sort());
  });

  it("that skip it for a secret compare the secret in constant time", () => {
    for (const file of SECRET_GUARDED) {
      expect(readFileSync(join(APP, file), "utf8"), file).toContain("sameSecret(");
    }
  });

  it("include no server action (Next checks those itself, but this check would not see them)", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
      );
    expect(sources(APP).filter((file) => /["']use server["']/.test(readFileSync(file, "utf8")))).toEqual([]);
  });
});
