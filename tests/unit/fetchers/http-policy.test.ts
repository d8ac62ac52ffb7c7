import { describe, expect, it } from "vitest";
import { backoffMs, judgeResponse, parseRetryAfter } from "@/lib/fetchers/http-policy";

const now = Date.parse("2026-01-01T00:00:00Z");
const judge = (status: number, headers: Record<string, string> = {}, authSent = false) =>
  judgeResponse({ url: "https://huggingface.co/api/models/a/b", status, headers: new Headers(headers), authSent, now });

describe("parseRetryAfter", () => {
  it.each([
    ["7", 7],
    [" 0 ", 0],
    ["Thu, 01 Jan 2026 00:00:30 GMT", 30],
    ["Wed, 31 Dec 2025 23:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
  ])("reads %j as %j seconds", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("judgeResponse", () => {
  it.each([
    [200, {}, false, "accept"],
    [304, {}, false, "accept"],
    [404, {}, false, "fail:not_found"],
    [401, {}, false, "fail:not_found"],
    [401, {}, true, "fail:upstream_error"],
    [404, { "x-error-code": "RepoNotFound" }, true, "fail:not_found"],
    [401, { "x-error-code": "GatedRepo" }, false, "fail:gated"],
    [403, { "x-error-code": "GatedRepo" }, true, "fail:gated"],
    [403, {}, true, "fail:upstream_error"],
    [403, { "x-ratelimit-remaining": "0" }, false, "retry:rate_limited"],
    [429, {}, false, "retry:rate_limited"],
    [500, {}, false, "fail:upstream_error"],
    [502, {}, false, "retry:upstream_error"],
    [503, {}, false, "retry:upstream_error"],
    [504, {}, false, "retry:upstream_error"],
    [400, {}, false, "fail:upstream_error"],
  ] as const)("treats %i %j (auth %s) as %s", (status, headers, authSent, expected) => {
    const verdict = judge(status, headers, authSent);
    const label = verdict.action === "accept" ? "accept" : `${verdict.action}:${verdict.failure.kind}`;
    expect(label).toBe(expected);
  });

  it("takes the wait from x-ratelimit-reset when there is no Retry-After", () => {
    const reset = String(now / 1000 + 90);
    const verdict = judge(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
    expect(verdict).toMatchObject({ action: "retry", waitSeconds: 90 });
  });
});

describe("backoffMs", () => {
  it("grows exponentially and stays within [half, full] of the ceiling", () => {
    expect(backoffMs(0, 100, () => 0)).toBe(50);
    expect(backoffMs(0, 100, () => 1)).toBe(100);
    expect(backoffMs(3, 100, () => 0.5)).toBe(600);
  });
});
