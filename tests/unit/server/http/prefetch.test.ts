import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerPrefetch } from "@/lib/server/http/prefetch";

let server: Server;
let port = 0;

function get(path: string, headers: Record<string, string>, method = "GET"): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path, headers, method }, (response) => {
      response.resume().on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!answerPrefetch(req, res)) {
      res.writeHead(418).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const PREFETCHES = [
  { rsc: "1", "next-router-prefetch": "1" },
  { rsc: "1", "next-router-segment-prefetch": "/_tree" },
  { "sec-purpose": "prefetch" },
  { "sec-purpose": "prefetch;prerender" },
  { purpose: "prefetch" },
];

describe("prefetches at the edge", () => {
  it("answers a prefetch of a model page or a comparison with an empty 204 and the security headers", async () => {
    for (const headers of PREFETCHES) {
      for (const path of ["/models/acme/tiny", "/models/acme/tiny?source=github", "/compare?m=acme/a,acme/b"]) {
        const answer = await get(path, headers);
        expect(answer.status, `${path} ${JSON.stringify(headers)}`).toBe(204);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      }
    }
  });

  it("passes on navigations, other methods, and prefetches of pages that never audit", async () => {
    expect((await get("/models/acme/tiny", { rsc: "1" })).status).toBe(418);
    expect((await get("/models/acme/tiny", {})).status).toBe(418);
    expect((await get("/models/acme/tiny", { "next-router-prefetch": "1" }, "POST")).status).toBe(418);
    for (const path of ["/", "/compare", "/models", "/models/acme/tiny/history", "/r/W25ByMy16Z", "/mot/Amber"]) {
      expect((await get(path, { rsc: "1", "next-router-prefetch": "1" })).status, path).toBe(418);
    }
  });
});
