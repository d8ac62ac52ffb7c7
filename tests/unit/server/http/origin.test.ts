import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/server/http/origin";

const listen = { hostname: "127.0.0.1", port: 3000 };

describe("the public origin", () => {
  it("is MOFSCOPE_PUBLIC_URL reduced to its origin", () => {
    expect(publicOrigin("https://mofscope.example", listen)).toBe("https://mofscope.example");
    expect(publicOrigin("https://mofscope.example/", listen)).toBe("https://mofscope.example");
    expect(publicOrigin(" http://mofscope.example:8080 ", listen)).toBe("http://mofscope.example:8080");
  });

  it("is the listen address when MOFSCOPE_PUBLIC_URL is unset, naming this machine for an unspecified address", () => {
    expect(publicOrigin(undefined, listen)).toBe("http://127.0.0.1:3000");
    expect(publicOrigin("", { hostname: "0.0.0.0", port: 8080 })).toBe("http://localhost:8080");
    expect(publicOrigin(undefined, { hostname: "::", port: 8080 })).toBe("http://localhost:8080");
    expect(publicOrigin(undefined, { hostname: "::1", port: 8080 })).toBe("http://[::1]:8080");
  });

  it("refuses a value that is not an http(s) origin", () => {
    for (const bad of [
      "mofscope.example",
      "ftp://mofscope.example",
      "https://user:pw@mofscope.example",
      "https://mofscope.example/app",
      "https://x.example/?a=1",
    ]) {
      expect(() => publicOrigin(bad, listen), bad).toThrow(/MOFSCOPE_PUBLIC_URL/);
    }
  });
});
