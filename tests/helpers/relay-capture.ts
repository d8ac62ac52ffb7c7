import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RelayCapture {
  /** The requests `relayPage` made, as the page renderer would receive them. */
  seen: { url: URL; headers: Headers }[];
  close(): Promise<void>;
}

const toHeaders = (raw: IncomingHttpHeaders) => new Headers(Object.entries(raw).map(([name, value]) => [name, String(value)]));

/**
 * Stands in for the page renderer that `relayPage` calls over loopback (on process.env.PORT): records each request and
 * answers with a small page, so a test can hand the request to the status page's reader exactly as it arrived.
 */
export async function startRelayCapture(): Promise<RelayCapture> {
  const seen: RelayCapture["seen"] = [];
  const server = createServer((request, response) => {
    seen.push({ url: new URL(request.url ?? "/", "http://127.0.0.1"), headers: toHeaders(request.headers) });
    response.writeHead(200, { "content-type": "text/html", "content-security-policy": "default-src 'self'" }).end("<p>page</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.PORT = String((server.address() as AddressInfo).port);
  return { seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A query as Next hands it to a page: one string per name, an array for a repeated one. */
export function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return query;
}
