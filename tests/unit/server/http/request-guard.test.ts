import { describe, expect, it } from "vitest";
import { connectRefusal, requestRefusal } from "@/lib/server/http/request-guard";

describe("requestRefusal", () => {
  it("refuses a path whose percent-escapes do not decode with 400, as JSON under /api/", () => {
    for (const url of ["/r/%ff", "/models/%ff%fe/x", "/x%", "/%E0%A4%A", "/families/%c0%af/x", "/%ED%A0%80", "/a%zz"]) {
      expect(requestRefusal("GET", url), url).toMatchObject({ code: "bad_input", api: false });
    }
    expect(requestRefusal("GET", "/api/v1/reports/%ff")).toMatchObject({ code: "bad_input", api: true });
    expect(requestRefusal("HEAD", "/r/%ff?x=1")).toMatchObject({ code: "bad_input" });
  });

  it("lets through any path that decodes, and a query it leaves to the route", () => {
    for (const url of ["/", "/models/LLM360/Amber", "/r/%41bc", "/models/a%2Fb/c", "/go?url=%ff", "/x?%", "/%00", "/caf%C3%A9", "*"]) {
      expect(requestRefusal("GET", url), url).toBeNull();
    }
  });

  it("refuses methods no route answers with 405, before looking at the path", () => {
    for (const method of ["TRACE", "TRACK", "DELETE", "PUT", "PATCH", "PROPFIND", "CONNECT"]) {
      expect(requestRefusal(method, "/"), method).toMatchObject({ code: "method_not_allowed", api: false });
    }
    expect(requestRefusal("TRACE", "/api/v1/audit%ff")).toMatchObject({ code: "method_not_allowed", api: true });
    for (const method of ["GET", "HEAD", "POST", "OPTIONS"]) {
      expect(requestRefusal(method, "/"), method).toBeNull();
    }
  });

  it("answers CONNECT with a complete 405 that lists the allowed methods and closes", () => {
    const raw = connectRefusal();
    expect(raw.startsWith("HTTP/1.1 405 Method Not Allowed\r\n")).toBe(true);
    expect(raw).toContain("allow: GET, HEAD, POST, OPTIONS\r\n");
    expect(raw).toContain("x-content-type-options: nosniff\r\n");
    expect(raw.endsWith("connection: close\r\n\r\n")).toBe(true);
  });
});
