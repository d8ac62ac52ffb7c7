import { describe, expect, it } from "vitest";
import { bearerToken, configuredSecret, sameSecret } from "@/lib/server/http/shared-secret";

describe("shared secrets", () => {
  it("match only the configured secret, whatever the lengths", () => {
    expect(sameSecret("s3cret-value", "s3cret-value")).toBe(true);
    expect(sameSecret("s3cret-valuE", "s3cret-value")).toBe(false);
    expect(sameSecret("s3cret", "s3cret-value")).toBe(false);
    expect(sameSecret("s3cret-value-and-more", "s3cret-value")).toBe(false);
    expect(sameSecret("", "s3cret-value")).toBe(false);
    expect(sameSecret(null, "s3cret-value")).toBe(false);
  });

  it("read a bearer token, and nothing else, from Authorization", () => {
    expect(bearerToken("Bearer abc.def")).toBe("abc.def");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Basic YWJjOmRlZg==")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("count a blank variable as unset", () => {
    expect(configuredSecret(undefined)).toBeNull();
    expect(configuredSecret("  ")).toBeNull();
    expect(configuredSecret(" token ")).toBe("token");
  });
});
