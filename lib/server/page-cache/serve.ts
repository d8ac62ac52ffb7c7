import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "@/lib/server/http/security-headers";
import { cacheableRequest, cachedPage, HIT_HEADER } from "./cache";
import { preferredEncoding } from "./encoding";

/**
 * Answers a request from the page cache before Next sees it, writing the stored bytes in the best encoding the
 * client accepts. Returns false when the page is not cached; Next then renders it (and its proxy fills the cache).
 */
export function serveCached(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? "";
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  if (cacheableRequest(request.method, url, header) === null) {
    return false;
  }
  const page = cachedPage(url);
  if (page === null) {
    return false;
  }
  const encoding = preferredEncoding(header("accept-encoding"));
  const body = page.bodies[encoding];
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    ...page.headers,
    vary: "Accept-Encoding",
    ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
    "content-length": body.length,
    [HIT_HEADER]: "hit",
  });
  response.end(body);
  return true;
}
