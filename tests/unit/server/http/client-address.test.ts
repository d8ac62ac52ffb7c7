import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { admitRequest, parseTrustProxy } from "@/lib/server/http/client-address";
import { CLIENT_HEADER, INTERNAL_HEADER, internalSecret } from "@/lib/server/http/internal";
import { clientKey } from "@/lib/server/http/rate-limit";

// what the edge leaves of a request from `remote` with these headers
function admitted(sent: IncomingHttpHeaders, remote: string | undefined, trust = ""): IncomingHttpHeaders {
  const request = { headers: { ...sent }, socket: { remoteAddress: remote } } as unknown as IncomingMessage;
  admitRequest(request, parseTrustProxy(trust));
  return request.headers;
}

const keyFor = (sent: IncomingHttpHeaders, remote: string | undefined, trust = "") =>
  clientKey(new Headers(Object.entries(admitted(sent, remote, trust)).map(([name, value]) => [name, String(value)])));

describe("the client address the rate limiter keys on", () => {
  it("is the connection's address when no proxy is trusted, whatever the client sends, even from this host", () => {
    const sent = { "x-forwarded-for": "10.0.0.2, 10.0.0.3", "x-real-ip": "10.0.0.4", [CLIENT_HEADER]: "10.0.0.5" };
    expect(keyFor(sent, "203.0.113.5")).toBe("203.0.113.5");
    expect(keyFor(sent, "127.0.0.1")).toBe("127.0.0.1");
    expect(keyFor(sent, "::1")).toBe("::1");
    expect(keyFor({}, "2001:db8::7")).toBe("2001:db8::7");
    expect(keyFor({}, undefined)).toBe("unknown");
  });

  it("is the right-most X-Forwarded-For hop that no trusted proxy added", () => {
    // the client wrote 10.0.0.1; the proxy on this host appended the address it saw
    expect(keyFor({ "x-forwarded-for": "10.0.0.1, 198.51.100.9" }, "127.0.0.1", "loopback")).toBe("198.51.100.9");
    expect(keyFor({ "x-forwarded-for": "198.51.100.9" }, "::ffff:127.0.0.1", "loopback")).toBe("198.51.100.9");
    // two proxies: a load balancer in 10.0.0.0/8 in front of one on this host
    expect(keyFor({ "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.1.2.3" }, "127.0.0.1", "loopback, 10.0.0.0/8")).toBe("198.51.100.9");
    // a trusted proxy that forwards nothing: the client is the proxy itself
    expect(keyFor({}, "127.0.0.1", "loopback")).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(keyFor({ "x-forwarded-for": "198.51.100.9" }, "203.0.113.5", "loopback")).toBe("203.0.113.5");
    expect(keyFor({ "x-forwarded-for": "198.51.100.9" }, "192.0.2.1", "10.0.0.0/8")).toBe("192.0.2.1");
  });

  it("counts hops when MOFSCOPE_TRUST_PROXY is a number, as Express does", () => {
    expect(keyFor({ "x-forwarded-for": "10.0.0.1, 198.51.100.9" }, "203.0.113.5", "1")).toBe("198.51.100.9");
    expect(keyFor({ "x-forwarded-for": "10.0.0.1, 198.51.100.9, 192.0.2.7" }, "203.0.113.5", "2")).toBe("198.51.100.9");
    expect(keyFor({ "x-forwarded-for": "10.0.0.1" }, "203.0.113.5", "0")).toBe("203.0.113.5");
  });

  it("refuses a setting that would trust every hop, and one that names no address", () => {
    expect(() => parseTrustProxy("true")).toThrow(/every client/);
    expect(() => parseTrustProxy("loopback, proxy.example")).toThrow(/MOFSCOPE_TRUST_PROXY: invalid IP address: proxy\.example/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/MOFSCOPE_TRUST_PROXY/);
  });
});

describe("internal headers at the edge", () => {
  it("are dropped from any request that does not carry this process's secret", () => {
    const forged = { "x-mofscope-fill": "1", "x-mofscope-prepaid": "1", "x-mofscope-anything": "x", [INTERNAL_HEADER]: "guessed", accept: "text/html" };
    const headers = admitted(forged, "127.0.0.1", "loopback");
    expect(Object.keys(headers).sort()).toEqual(["accept", CLIENT_HEADER]);
    expect(headers[CLIENT_HEADER]).toBe("127.0.0.1");
  });

  it("are kept on this process's own request, which is keyed as the client it was made for", () => {
    const inner = { [INTERNAL_HEADER]: internalSecret(), [CLIENT_HEADER]: "198.51.100.9", "x-mofscope-fill": "1" };
    expect(admitted(inner, "127.0.0.1")).toEqual(inner);
    expect(keyFor(inner, "127.0.0.1")).toBe("198.51.100.9");
  });
});
