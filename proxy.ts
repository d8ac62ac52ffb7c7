import { type NextRequest, NextResponse } from "next/server";
import { probeModel } from "@/lib/audit/probe";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { noncePolicy, SECURITY_HEADERS } from "@/lib/server/http/security-headers";
import { hasSnapshot } from "@/lib/server/loaders/latest-report";
import { type CachedPage, cacheableRequest, cachedPage, FILL_HEADER, fillInBackground, HIT_HEADER, within } from "@/lib/server/page-cache/cache";
import { modelUnavailablePage } from "@/lib/server/pages/status-pages";

// route handlers that set their own policy keep it: the badge SVGs (default-src 'none'), and /go and the re-audit
// route, which relay a 400 or 403 page rendered by an inner request together with that request's nonce
const OWN_POLICY = /\.svg$|^\/go$|\/reaudit$/;

function withSecurityHeaders<R extends Response>(response: R, csp: string | null): R {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  if (csp !== null) {
    response.headers.set("content-security-policy", csp);
  }
  return response;
}

/** A page from the cache keeps the policy stored with it. */
function fromCache(page: CachedPage): NextResponse {
  return withSecurityHeaders(new NextResponse(new Uint8Array(page.bodies.identity), { headers: { ...page.headers, [HIT_HEADER]: "hit" } }), null);
}

const MODEL_PAGE = /^\/models\/([^/]+)\/([^/]+)$/;

/**
 * A model page streams, so its status is settled before the audit ends. For a model with no report yet, the first
 * request of the audit is made here, before anything is sent: an unknown model gets 404, an upstream failure 429 or
 * 502/503, each with its own page. The audit then reads that answer from the response cache.
 */
async function unavailableModel(request: NextRequest): Promise<Response | null> {
  const match = MODEL_PAGE.exec(request.nextUrl.pathname);
  const ref = match ? modelRefFromRoute(match[1] ?? "", match[2] ?? "", request.nextUrl.searchParams.get("source") ?? undefined) : null;
  if (ref === null || (await hasSnapshot(ref))) {
    return null;
  }
  const probe = await probeModel(ref);
  if (probe.ok) {
    return null;
  }
  return modelUnavailablePage(ref, probe.error);
}

export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = btoa(crypto.randomUUID());
  const csp = noncePolicy(nonce);
  const { pathname, search } = request.nextUrl;
  const kind = cacheableRequest(request.method, `${pathname}${search}`, (name) => request.headers.get(name));
  // `server.ts` answers cached pages before Next; this serves them under `next dev` and to a crowd that waited
  const page = kind === null ? null : cachedPage(pathname);
  if (page !== null) {
    return fromCache(page);
  }
  const unavailable = request.method === "GET" && !request.headers.has(FILL_HEADER) ? await unavailableModel(request) : null;
  if (unavailable !== null) {
    return withSecurityHeaders(unavailable, null);
  }
  if (kind !== null) {
    // the fill is rendered as this client, so it joins this request's audit and spends its rate limit, not ours;
    // the request that starts a fill streams as usual, the ones that find it running wait briefly for its page
    const running = fillInBackground(pathname, kind, `http://127.0.0.1:${process.env.PORT ?? "3000"}`, request.headers.get("x-forwarded-for"));
    const filled = running === null ? null : await within(running, 2_000);
    if (filled !== null) {
      return fromCache(filled);
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), OWN_POLICY.test(pathname) ? null : csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
