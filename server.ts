import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { startupMessage } from "@/lib/db/startup";
import { pinClientAddress } from "@/lib/server/http/client-address";
import { SECURITY_HEADERS } from "@/lib/server/http/security-headers";
import { serveCached } from "@/lib/server/page-cache/serve";
import { startStorage } from "@/lib/server/storage";
import { answerWhileStorageDown } from "@/lib/server/storage-gate";

/**
 * The production server: Next's request handler behind a request guard and a page-cache check. A method no route
 * answers or a path that does not decode is refused first (Next would answer either with a bare 500). A stored
 * report, permalink, MOT record page or badge is written straight from memory, precompressed, without entering Next's
 * proxy or renderer; every other request is Next's as under `next start`. The database is opened and migrated first:
 * one that cannot be reached ends the start with one line and exit code 1; one lost later is answered with 503 until
 * it is back.
 */
const { values } = parseArgs({
  options: { port: { type: "string", short: "p", default: process.env.PORT ?? "3000" }, hostname: { type: "string", short: "H", default: "127.0.0.1" } },
});
const port = Number(values.port);
const hostname = values.hostname;
// the proxy renders error pages and cache fills over loopback on this port
process.env.PORT = String(port);
(process.env as Record<string, string>).NODE_ENV ??= "production";

const storage = await startStorage().catch((error: unknown) => {
  process.stderr.write(`mofscope: cannot start: ${startupMessage(error)}\n`);
  process.exit(1);
});

const { default: next } = await import("next");
const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// loaded after Next: the guard's error table imports next/server, which needs Next's async storage set up first
const { connectRefusal, refuseBeforeNext } = await import("@/lib/server/http/request-guard");

const trustProxy = process.env.MOFSCOPE_TRUST_PROXY === "1";

const server = createServer((request, response) => {
  pinClientAddress(request.headers, request.socket.remoteAddress, trustProxy);
  // Next answers a few requests itself, before its proxy (the 308 for a trailing slash or a dot segment); they keep
  // these. No policy here: Next keeps a header set first over the one a route sets, so each response's own would lose.
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.setHeader(name, value);
  }
  if (!refuseBeforeNext(request, response) && !serveCached(request, response) && !answerWhileStorageDown(storage.database.health, request, response)) {
    void handle(request, response);
  }
});
server.on("connect", (_request, socket) => socket.end(connectRefusal()));
server.listen(port, hostname, () => console.log(`mofscope ready on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => server.close(() => void storage.stop().finally(() => process.exit(0))).closeAllConnections());
}
