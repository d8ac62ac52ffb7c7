import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { pinClientAddress } from "@/lib/server/http/client-address";
import { serveCached } from "@/lib/server/page-cache/serve";

/**
 * The production server: Next's request handler behind a body-size check and a page-cache check. A request that
 * declares a body larger than any route takes is refused before it is read. A stored report, permalink, MOT record
 * page or badge is written straight from memory, precompressed, without entering Next's proxy or renderer; every
 * other request is Next's as under `next start`.
 */
const { values } = parseArgs({
  options: { port: { type: "string", short: "p", default: process.env.PORT ?? "3000" }, hostname: { type: "string", short: "H", default: "127.0.0.1" } },
});
const port = Number(values.port);
const hostname = values.hostname;
// the proxy renders error pages and cache fills over loopback on this port
process.env.PORT = String(port);
(process.env as Record<string, string>).NODE_ENV ??= "production";

const { default: next } = await import("next");
const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// it shares the API's error table, whose module loads next/server: that needs Next's runtime, set up by now
const { refuseOversizedBody } = await import("@/lib/server/http/body-limit");

const trustProxy = process.env.MOFSCOPE_TRUST_PROXY === "1";

const server = createServer((request, response) => {
  pinClientAddress(request.headers, request.socket.remoteAddress, trustProxy);
  if (!refuseOversizedBody(request, response) && !serveCached(request, response)) {
    void handle(request, response);
  }
});
server.listen(port, hostname, () => console.log(`mofscope ready on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());
}
