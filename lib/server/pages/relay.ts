import { INTERNAL_HEADER, internalSecret, isInternal, RELAY_HEADER } from "@/lib/server/http/internal";
import { NO_CONTENT_POLICY } from "@/lib/server/http/security-headers";

/**
 * Whether this request is an error page rendered for `relayPage`: it carries this process's secret, which no outside
 * client can know, so a status page renders only what the server decided and a direct visit is refused.
 */
export function isRelayed(headers: Pick<Headers, "get">): boolean {
  return isInternal(headers.get(RELAY_HEADER));
}

/**
 * Pages cannot choose their status, so an error page is rendered by this server over loopback (never via the
 * request's Host header, which the client controls) and re-sent with the status it deserves. Its scripts carry the
 * nonce of that inner response, so its content security policy travels with it.
 */
export async function relayPage(path: string, status: number, headers: Record<string, string> = {}): Promise<Response> {
  let page: { html: string; csp: string } | null = null;
  try {
    const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? "3000"}${path}`, {
      // the edge keeps x-mofscope-* headers only on a request that proves it is this process's own
      headers: { [INTERNAL_HEADER]: internalSecret(), [RELAY_HEADER]: internalSecret() },
      signal: AbortSignal.timeout(5_000),
    });
    const csp = response.headers.get("content-security-policy");
    page = response.ok && csp ? { html: await response.text(), csp } : null;
  } catch {
    page = null;
  }
  // the fallback names no part of the path: its query is what the page would have shown, never echoed as text
  return new Response(page?.html ?? `Error ${status}`, {
    status,
    headers: {
      "content-type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": page?.csp ?? NO_CONTENT_POLICY,
      ...headers,
    },
  });
}
