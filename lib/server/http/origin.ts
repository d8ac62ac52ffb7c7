/** The public origin for absolute links (badge snippets): MOFSCOPE_PUBLIC_URL, else the request's host. */
export function siteOrigin(headers: Headers): string {
  const configured = process.env.MOFSCOPE_PUBLIC_URL;
  if (configured) {
    return configured.replace(/\/+$/, "");
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0]?.trim() ?? "https"}://${host}`;
}
