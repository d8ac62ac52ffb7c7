import { FetchFailure } from "./errors";
import { readBodyCapped } from "./read-body";

export interface RawResponse {
  /** The URL that finally answered, after same-origin redirects. */
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export interface SendParams {
  fetch: typeof fetch;
  url: string;
  headersFor: (url: string) => Record<string, string>;
  signal: AbortSignal;
  maxBodyBytes: number;
  maxRedirects: number;
  isAllowed: (url: URL) => boolean;
  onRequestSent: () => void;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** One attempt: sends the GET, follows same-origin redirects by hand and reads the capped body. */
export async function sendOnce(params: SendParams): Promise<RawResponse> {
  const origin = new URL(params.url).origin;
  const visited = new Set<string>();
  let current = params.url;

  for (let hop = 0; ; hop++) {
    visited.add(current);
    params.onRequestSent();
    // manual redirects: fetch would otherwise follow a Location to any host, defeating the origin allow-list
    const response = await params.fetch(current, {
      method: "GET",
      headers: params.headersFor(current),
      redirect: "manual",
      signal: params.signal,
    });

    const location = response.headers.get("location");
    if (!redirectStatuses.has(response.status) || location === null) {
      const body = await readBodyCapped(response, current, params.maxBodyBytes);
      return { url: current, status: response.status, headers: response.headers, body };
    }
    await response.body?.cancel().catch(() => undefined);

    const next = resolveLocation(location, current);
    const refuse = (detail: string) => new FetchFailure({ kind: "upstream_error", url: params.url, status: response.status, detail });
    if (next === null || next.origin !== origin || !params.isAllowed(next)) {
      throw refuse("redirect to another origin refused");
    }
    if (visited.has(next.href)) {
      throw refuse("redirect loop");
    }
    if (hop + 1 > params.maxRedirects) {
      throw refuse(`more than ${params.maxRedirects} redirects`);
    }
    current = next.href;
  }
}

function resolveLocation(location: string, base: string): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}
