import { type NextRequest, NextResponse } from "next/server";
import { type ModelRef, modelRefFromRoute } from "@/lib/report/model-ref";
import { INTERNAL_HEADER, internalSecret, isInternal, PREPAID_HEADER } from "@/lib/server/http/internal";
import { clientKey } from "@/lib/server/http/rate-limit";
import { noncePolicy, SECURITY_HEADERS } from "@/lib/server/http/security-headers";
import { admitModelPage, hasFreshSnapshot } from "@/lib/server/loaders/latest-report";
import { indexQueryReads } from "@/lib/server/loaders/leaderboard";
import { type CachedPage, cacheableRequest, cachedPage, fillInBackground, HIT_HEADER, within } from "@/lib/server/page-cache/cache";
import { isRelayed, relayPage } from "@/lib/server/pages/relay";
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
// pages that read the index's query: one that does not read is rendered with its notice and answered as a 400
const INDEX_PAGE = /^\/(?:index|orgs\/[^/]+)$/;
const BADGE = /^\/badge\/([^/]+)\/([^/]+)\.svg$/;

/** The model a report page or badge path names, or null. */
function modelAt(pattern: RegExp, url: NextRequest["nextUrl"]): ModelRef | null {
  const match = pattern.exec(url.pathname);
  return match ? modelRefFromRoute(match[1] ?? "", match[2] ?? "", url.searchParams.get("source") ?? undefined) : null;
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
  if (request.method === "GET" && INDEX_PAGE.test(pathname) && !isRelayed(request.headers) && !indexQueryReads(request.nextUrl.searchParams)) {
    return withSecurityHeaders(await relayPage(`${pathname}${search}`, 400), null);
  }
  const client = clientKey(request.headers);
  // a model page streams, so its status is settled here, before anything is sent (this process's own fills excepted)
  const model = request.method === "GET" && !isInternal(request.headers.get(INTERNAL_HEADER)) ? modelAt(MODEL_PAGE, request.nextUrl) : null;
  const admission = model === null ? null : await admitModelPage(model, client);
  if (model !== null && admission?.ok === false) {
    return withSecurityHeaders(await modelUnavailablePage(model, admission.error), null);
  }
  // only a page that renders from a fresh snapshot is worth a fill: one that audits streams, and is never kept
  const reported = kind === null ? null : (modelAt(MODEL_PAGE, request.nextUrl) ?? modelAt(BADGE, request.nextUrl));
  if (kind !== null && (reported === null || (await hasFreshSnapshot(reported)))) {
    // the fill is rendered as this client; the request that starts a fill streams as usual, the ones that find it
    // running wait briefly for its page
    const running = fillInBackground(pathname, kind, `http://127.0.0.1:${process.env.PORT ?? "3000"}`, client);
    const filled = running === null ? null : await within(running, 2_000);
    if (filled !== null) {
      return fromCache(filled);
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  // the secret goes no further than needed, and only this proxy says whether a page's audit is paid for
  requestHeaders.delete(INTERNAL_HEADER);
  requestHeaders.delete(PREPAID_HEADER);
  if (admission?.ok && admission.prepaid) {
    requestHeaders.set(PREPAID_HEADER, internalSecret());
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), OWN_POLICY.test(pathname) ? null : csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
