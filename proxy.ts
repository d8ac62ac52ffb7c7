import { type NextRequest, NextResponse } from "next/server";
import { probeModel } from "@/lib/audit/probe";
import { modelPath, modelRefFromRoute } from "@/lib/model-ref";
import { type CachedPage, cachedPage, FILL_HEADER, fillInBackground, pageKind, withNonce, within } from "@/lib/page-cache";
import { relayPage } from "@/lib/relay-page";
import { hasSnapshot } from "@/lib/report/latest";

// the lead owns next.config.ts, so the security headers live here, on every response the proxy sees
const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "x-frame-options": "DENY",
};

/**
 * Scripts run only with this response's nonce (Next adds it to its own tags when it finds it in the request's CSP);
 * styles keep 'unsafe-inline' because React renders `style` attributes, which nonces cannot cover.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    "form-action 'self'",
  ].join("; ");
}

// route handlers that set their own policy keep it: the badge SVGs (default-src 'none') and /go, which relays the
// 400 page rendered by an inner request together with that request's nonce
const OWN_POLICY = /\.svg$|^\/go$/;

function withSecurityHeaders<R extends Response>(response: R, pathname: string, csp: string, ownPolicy = OWN_POLICY.test(pathname)): R {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  if (!ownPolicy) {
    response.headers.set("content-security-policy", csp);
  }
  return response;
}

function fromCache(page: CachedPage, pathname: string, nonce: string, csp: string): NextResponse {
  // the stored headers include the route's own policy where it has one; pages get this response's nonce policy
  const served = new NextResponse(withNonce(page, nonce), { headers: { ...page.headers, "x-mofscope-page-cache": "hit" } });
  return withSecurityHeaders(served, pathname, csp);
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
  if (ref === null || hasSnapshot(ref)) {
    return null;
  }
  const probe = await probeModel(ref);
  if (probe.ok) {
    return null;
  }
  const { code, message, status, retryAfterSeconds } = probe.error;
  const query = new URLSearchParams({ status: String(status), code, message, model: ref.id, path: modelPath(ref), ...(retryAfterSeconds ? { retry: String(retryAfterSeconds) } : {}) });
  return relayPage(`/model-unavailable?${query}`, status, retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {});
}

export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;
  const rendered = request.method === "GET" && !request.headers.has(FILL_HEADER);
  const kind = rendered ? pageKind(pathname, search) : null;
  const page = kind === null ? null : cachedPage(pathname);
  if (page !== null) {
    return fromCache(page, pathname, nonce, csp);
  }
  const unavailable = rendered ? await unavailableModel(request) : null;
  if (unavailable !== null) {
    return withSecurityHeaders(unavailable, pathname, csp, true);
  }
  if (kind !== null) {
    // the fill is rendered as this client, so it joins this request's audit and spends its rate limit, not ours;
    // the request that starts a fill streams as usual, the ones that find it running wait briefly for its page
    const running = fillInBackground(pathname, kind, `http://127.0.0.1:${process.env.PORT ?? "3000"}`, request.headers.get("x-forwarded-for"));
    const filled = running === null ? null : await within(running, 2_000);
    if (filled !== null) {
      return fromCache(filled, pathname, nonce, csp);
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pathname, csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
