import type { IncomingHttpHeaders } from "node:http";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Pins the address the rate limiter keys on (`X-Forwarded-For`) before Next sees the request. A peer on this host
 * (a reverse proxy beside the app, or the app's own inner requests, which carry their client's address) is trusted to
 * say who the client is, and so is any peer when `MOFSCOPE_TRUST_PROXY=1` (a proxy elsewhere, which must overwrite
 * the header). From anyone else the header is replaced by the connection's address: no client picks its own key.
 */
export function pinClientAddress(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustProxy: boolean): void {
  if (trustProxy || LOOPBACK.test(remoteAddress ?? "")) {
    return;
  }
  headers["x-forwarded-for"] = remoteAddress ?? "unknown";
  delete headers["x-real-ip"];
}
