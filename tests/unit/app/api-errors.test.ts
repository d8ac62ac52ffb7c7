import { describe, expect, it, vi } from "vitest";
import { ApiError, ERROR_STATUS, toErrorResponse } from "@/lib/api-errors";

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

  it("hides unknown errors behind a generic 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = toErrorResponse(new Error("secret token abc"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret");
    log.mockRestore();
  });
});
