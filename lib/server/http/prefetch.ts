import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "./security-headers";

// a model's report, and a comparison of models: the pages whose render may start an audit
const AUDITING_PAGE = /^\/models\/[^/]+\/[^/]+$|^\/compare$/;

/** A router prefetch (`Next-Router-Prefetch`, `Next-Router-Segment-Prefetch`) or the browser's own (`Sec-Purpose`). */
function isPrefetch(headers: IncomingMessage["headers"]): boolean {
  return (
    headers["next-router-prefetch"] !== undefined ||
    headers["next-router-segment-prefetch"] !== undefined ||
    /prefetch/i.test(`${headers["sec-purpose"] ?? ""} ${headers.purpose ?? ""}`)
  );
}

/**
 * Answers a prefetch of a page that may audit with an empty 204, before Next sees it: a prefetch is a guess at where
 * the user goes next, so it must not spend the client's audits (the router fetches the page when the link is
 * followed). This runs at the edge because Next hides the prefetch headers from its proxy and pages.
 */
export function answerPrefetch(request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? "/", "http://edge");
  const audits = AUDITING_PAGE.test(url.pathname) && (url.pathname !== "/compare" || url.searchParams.has("m"));
  if (request.method !== "GET" || !audits || !isPrefetch(request.headers)) {
    return false;
  }
  response.writeHead(204, { ...SECURITY_HEADERS, "cache-control": "no-store" }).end();
  return true;
}
