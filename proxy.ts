import { type NextRequest, NextResponse } from "next/server";
import { modelPath, refForInput } from "@/lib/model-ref";

// the lead owns next.config.ts, so the security headers live here, on every response the proxy sees
const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-frame-options": "DENY",
};

function secure(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  return response;
}

// the home form GETs /go?url=…: a recognised model redirects to its page, anything else gets the 400 page
function route(request: NextRequest): NextResponse {
  const input = request.nextUrl.searchParams.get("url") ?? "";
  const target = refForInput(input);
  if (target.ok) {
    return NextResponse.redirect(new URL(modelPath(target.ref), request.url), 303);
  }
  const page = new URL("/bad-url", request.url);
  page.search = new URLSearchParams({ input: input.slice(0, 300), code: target.code, message: target.message }).toString();
  return NextResponse.rewrite(page, { status: 400 });
}

export function proxy(request: NextRequest): NextResponse {
  return secure(request.nextUrl.pathname === "/go" ? route(request) : NextResponse.next());
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
