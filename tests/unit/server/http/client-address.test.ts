import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { pinClientAddress } from "@/lib/server/http/client-address";
import { clientKey } from "@/lib/server/http/rate-limit";

const keyFor = (sent: IncomingHttpHeaders, remote: string | undefined, trustProxy = false) => {
  const headers = { ...sent };
  pinClientAddress(headers, remote, trustProxy);
  return clientKey(new Headers(Object.entries(headers).map(([name, value]) => [name, String(value)])));
};

describe("the client address the rate limiter keys on", () => {
  it("is the connection's address for a remote peer, whatever X-Forwarded-For or X-Real-IP it sends", () => {
    expect(keyFor({ "x-forwarded-for": "10.0.0.1" }, "203.0.113.5")).toBe("203.0.113.5");
    expect(keyFor({ "x-forwarded-for": "10.0.0.2, 10.0.0.3", "x-real-ip": "10.0.0.4" }, "203.0.113.5")).toBe("203.0.113.5");
    expect(keyFor({}, "2001:db8::7")).toBe("2001:db8::7");
    expect(keyFor({ "x-forwarded-for": "10.0.0.1" }, "::ffff:203.0.113.5")).toBe("::ffff:203.0.113.5");
  });

  it("comes from X-Forwarded-For when the peer is on this host (a proxy beside the app, the app's own inner requests)", () => {
    for (const loopback of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      expect(keyFor({ "x-forwarded-for": "198.51.100.9" }, loopback), loopback).toBe("198.51.100.9");
    }
  });

  it("comes from X-Forwarded-For from any peer when a proxy elsewhere is trusted (MOFSCOPE_TRUST_PROXY=1)", () => {
    expect(keyFor({ "x-forwarded-for": "198.51.100.9" }, "203.0.113.5", true)).toBe("198.51.100.9");
  });
});
