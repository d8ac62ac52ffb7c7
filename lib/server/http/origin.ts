/**
 * The public origin from `MOFSCOPE_PUBLIC_URL` (scheme, host and port only), else the address the server listens on.
 * Throws on a value that is not an http(s) origin, so a bad setting stops the server at start.
 */
export function publicOrigin(configured: string | undefined, listen: { hostname: string; port: string | number }): string {
  if (configured === undefined || configured.trim() === "") {
    // an unspecified address accepts connections for any name, so links name this machine instead
    const host = /^(0\.0\.0\.0|::)$/.test(listen.hostname) ? "localhost" : listen.hostname.includes(":") ? `[${listen.hostname}]` : listen.hostname;
    return `http://${host}:${listen.port}`;
  }
  let url: URL;
  try {
    url = new URL(configured.trim());
  } catch {
    throw new Error(`MOFSCOPE_PUBLIC_URL is not a URL: ${configured}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.username !== "" || url.password !== "" || url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw new Error(`MOFSCOPE_PUBLIC_URL must be an http(s) origin such as https://mofscope.example, not ${configured}`);
  }
  return url.origin;
}

/**
 * The public origin for absolute links (badge snippets, Markdown, Open Graph images). Never the request's `Host` or
 * `X-Forwarded-Host`: a client sets those, and a cached page would show its choice to everyone. The production server
 * settles `MOFSCOPE_PUBLIC_URL` at start; `next dev` listens on 127.0.0.1.
 */
export function siteOrigin(): string {
  return publicOrigin(process.env.MOFSCOPE_PUBLIC_URL, { hostname: "127.0.0.1", port: process.env.PORT ?? "3000" });
}
