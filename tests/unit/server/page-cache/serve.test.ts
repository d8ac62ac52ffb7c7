import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalSecret } from "@/lib/server/http/internal";
import { cachedPage, fillInBackground, invalidateModelPages, storePage } from "@/lib/server/page-cache/cache";
import { encodeBody, preferredEncoding } from "@/lib/server/page-cache/encoding";
import { serveCached } from "@/lib/server/page-cache/serve";

const HTML = `<!DOCTYPE html><main data-snapshot-id="abc">${"component ".repeat(500)}</main>`;

let server: Server;
let port = 0;

// node:http rather than fetch, which would decode the body and hide the encoding it was sent in
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  storePage("/models/acme/served", "report", {
    bodies: await encodeBody(HTML),
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'self'" },
  });
  server = createServer((req, res) => {
    if (!serveCached(req, res)) {
      res.writeHead(418).end("rendered");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("serving from the page cache in front of Next", () => {
  it("writes the stored page in the encoding the client prefers, with the security headers and the stored policy", async () => {
    const br = await get("/models/acme/served", { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    expect(br.headers["content-security-policy"]).toBe("script-src 'self'");
    expect(br.headers["x-mofscope-page-cache"]).toBe("hit");
    expect(brotliDecompressSync(br.body).toString()).toBe(HTML);

    const gz = await get("/models/acme/served", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(HTML);

    const plain = await get("/models/acme/served");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(Buffer.byteLength(HTML));
    expect(plain.body.toString()).toBe(HTML);
  });

  it("passes to Next what it does not hold or may not answer", async () => {
    expect((await get("/models/acme/not-stored")).status).toBe(418);
    expect((await get("/models/acme/served?source=github")).status).toBe(418);
    expect((await get("/models/acme/served", { rsc: "1" })).status).toBe(418);
    expect((await get("/models/acme/served", { "x-mofscope-fill": "1", "x-mofscope-internal": internalSecret() })).status).toBe(418);
  });

  it("answers a client that sends the fill header without the process's secret like any other", async () => {
    expect((await get("/models/acme/served", { "x-mofscope-fill": "1" })).status).toBe(200);
    expect((await get("/models/acme/served", { "x-mofscope-fill": "1", "x-mofscope-internal": "guessed" })).status).toBe(200);
  });

  it("honours q-values when picking an encoding", () => {
    expect(preferredEncoding("br;q=0, gzip")).toBe("gzip");
    expect(preferredEncoding("gzip;q=0")).toBe("identity");
    expect(preferredEncoding("BR;q=0.5")).toBe("br");
    expect(preferredEncoding("identity")).toBe("identity");
    expect(preferredEncoding(undefined)).toBe("identity");
  });
});

describe("filling the page cache from a render", () => {
  const pages: Record<string, string> = {
    "/models/acme/finished": '<main data-snapshot-id="s1"><script nonce="N1">go()</script></main>',
    "/models/acme/running": '<main data-snapshot-id="s1"><li data-testid="component-pending"></li><script nonce="N1">go()</script></main>',
    "/models/acme/failed": '<main data-snapshot-id="s1"><div data-testid="audit-error"></div></main>',
  };
  let renderer: Server;
  let origin = "";
  // a render of this page waits until the test lets it finish
  let finishHeld = () => {};
  let held = Promise.resolve();

  beforeAll(async () => {
    renderer = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'self' 'nonce-N1' 'strict-dynamic'" });
      if (req.url === "/models/acme/reaudited") {
        res.write('<main data-snapshot-id="old">');
        void held.then(() => res.end("</main>"));
        return;
      }
      res.end(pages[req.url ?? ""] ?? "");
    });
    await new Promise<void>((resolve) => renderer.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(renderer.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => renderer.close(() => resolve())));

  const fill = (key: string) => {
    expect(fillInBackground(key, "report", origin, "10.0.0.1")).toBeNull();
    return fillInBackground(key, "report", origin, "10.0.0.1");
  };

  it("keeps a finished report, under the hash policy of its trusted scripts", async () => {
    const page = await fill("/models/acme/finished");
    expect(page?.bodies.identity.toString()).toBe(pages["/models/acme/finished"]);
    expect(page?.headers["content-security-policy"]).toContain("'sha256-");
    expect(cachedPage("/models/acme/finished")).not.toBeNull();
  });

  it("never keeps a page whose render began before its model was re-audited", async () => {
    held = new Promise<void>((resolve) => (finishHeld = resolve));
    const key = "/models/acme/reaudited";
    expect(fillInBackground(key, "report", origin, "10.0.0.1")).toBeNull();
    const running = fillInBackground(key, "report", origin, "10.0.0.1");
    // let the render reach the renderer before the re-audit lands
    await new Promise((resolve) => setTimeout(resolve, 50));
    invalidateModelPages("acme/reaudited");
    finishHeld();
    expect(await running).toBeNull();
    expect(cachedPage(key)).toBeNull();
    // the next render, begun after the re-audit, is kept
    expect(await fill(key)).not.toBeNull();
    expect(cachedPage(key)).not.toBeNull();
  });

  it("never keeps a page rendered while its audit ran, or one showing an audit error", async () => {
    for (const key of ["/models/acme/running", "/models/acme/failed"]) {
      expect(await fill(key), key).toBeNull();
      expect(cachedPage(key), key).toBeNull();
    }
  });
});
