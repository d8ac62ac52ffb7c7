/**
 * Whether a state-changing form request comes from this site's own pages. A browser says so itself in
 * `Sec-Fetch-Site`, which is preferred when present (only `same-origin` passes). Without it (older browsers, and any
 * browser over plain HTTP to a host that is not local), `Origin` must be the origin the request was addressed to:
 * the request's URL as Next sees it, the configured public origin (MOFSCOPE_PUBLIC_URL), or an origin whose host is
 * the `Host` the request arrived with. A browser cannot send another site's `Host`, so that comparison is safe here,
 * where nothing is built from it. A request with neither header is not from a browser: it carries nothing of a
 * visitor's (their address, their share of the audit limit) that another site could borrow, so it passes.
 */
export function isSameOriginRequest(request: { headers: Pick<Headers, "get">; url: string }, publicUrl = process.env.MOFSCOPE_PUBLIC_URL): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    return site === "same-origin";
  }
  const origin = request.headers.get("origin");
  if (origin === null) {
    return true;
  }
  const sent = URL.parse(origin);
  // "null" (a sandboxed or file page) and anything that is not an origin's own serialisation never match
  if (sent === null || sent.origin !== origin) {
    return false;
  }
  return ownOrigins(request.url, publicUrl).includes(origin) || sent.host === request.headers.get("host")?.toLowerCase();
}

function ownOrigins(requestUrl: string, publicUrl: string | undefined): string[] {
  return [requestUrl, publicUrl].flatMap((url) => {
    const parsed = url ? URL.parse(url) : null;
    return parsed === null ? [] : [parsed.origin];
  });
}
