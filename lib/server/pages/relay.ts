/**
 * Pages cannot choose their status, so an error page is rendered by this server over loopback (never via the
 * request's Host header, which the client controls) and re-sent with the status it deserves. Its scripts carry the
 * nonce of that inner response, so its content security policy travels with it.
 */
export async function relayPage(path: string, status: number, headers: Record<string, string> = {}): Promise<Response> {
  let page: { html: string; csp: string } | null = null;
  try {
    const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? "3000"}${path}`, { signal: AbortSignal.timeout(5_000) });
    const csp = response.headers.get("content-security-policy");
    page = response.ok && csp ? { html: await response.text(), csp } : null;
  } catch {
    page = null;
  }
  return new Response(page?.html ?? `Error ${status}: see ${path}`, {
    status,
    headers: {
      "content-type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": page?.csp ?? "default-src 'none'; frame-ancestors 'none'",
      ...headers,
    },
  });
}
