import { describe, expect, it, vi } from "vitest";
import { ApiError, apiErrorFromAudit, ERROR_STATUS, isApiError, toErrorResponse } from "@/lib/api/errors";
import { firstRequestFailed } from "@/lib/audit/outcome";
import { StorageUnavailableError } from "@/lib/db/health";
import type { FetchFailureKind } from "@/lib/evidence/facts";

describe("toErrorResponse", () => {
  it("maps every code to its status with one body shape", async () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const response = toErrorResponse(new ApiError(code as keyof typeof ERROR_STATUS, "why"));
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code, message: "why" } });
    }
  });

  it("sets Retry-After in whole seconds", () => {
    expect(toErrorResponse(new ApiError("rate_limited", "slow down", { retryAfterSeconds: 2.2 })).headers.get("retry-after")).toBe("3");
  });

  it("answers an unreachable database with 503 storage_unavailable and a Retry-After, never the driver's words", async () => {
    const response = toErrorResponse(new StorageUnavailableError("the database is unreachable", { cause: new Error("connect ECONNREFUSED 10.0.0.5:5432") }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "storage_unavailable", message: "The database is unreachable; try again shortly." } });
  });

  it("hides unknown errors behind a generic 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = toErrorResponse(new Error("secret token abc"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret");
    log.mockRestore();
  });
});

describe("apiErrorFromAudit", () => {
  const statusFor = (kind: FetchFailureKind) => {
    const outcome = firstRequestFailed({ source: "hf", kind, url: "https://hub.test/api/models/a/b", message: "m", retryAfterSeconds: 7 }, "The model a/b");
    if (outcome.ok) {
      throw new Error("a failure gives no report");
    }
    const error = apiErrorFromAudit(outcome.error);
    return [error.code, toErrorResponse(error).status, error.extra.retryAfterSeconds];
  };

  it("answers a gated model with 403, the same status pages use", () => {
    expect(statusFor("gated")).toEqual(["gated", 403, 7]);
  });

  it("tells a failing upstream (502) from one that did not answer in time (503)", () => {
    expect(statusFor("upstream_error")).toEqual(["upstream_error", 502, 7]);
    expect(statusFor("invalid_response")).toEqual(["upstream_error", 502, 7]);
    expect(statusFor("timeout")).toEqual(["upstream_unavailable", 503, 7]);
    expect(statusFor("not_found")).toEqual(["not_found", 404, 7]);
    expect(statusFor("rate_limited")).toEqual(["rate_limited", 429, 7]);
  });
});

describe("isApiError", () => {
  it("recognises an ApiError made by another copy of the module, by its name and code", () => {
    class ApiErrorFromOtherBundle extends Error {
      readonly code = "gated";
      override readonly name = "ApiError";
    }
    expect(isApiError(new ApiErrorFromOtherBundle("x"))).toBe(true);
  });

  it("refuses an error that only borrows the name", () => {
    const impostor = Object.assign(new Error("x"), { name: "ApiError", code: "no_such_code" });
    expect(isApiError(impostor)).toBe(false);
    expect(isApiError({ name: "ApiError", code: "gated" })).toBe(false);
  });
});
