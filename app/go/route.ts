import type { NextRequest } from "next/server";
import { modelPath, refForInput } from "@/lib/model-ref";

// pages cannot choose their status, so the 400 page is rendered by the server itself and re-sent with 400;
// it is fetched over loopback, never via the request's Host header, which the client controls
// its scripts carry the nonce of that inner response, so its content security policy travels with it
async function badUrlPage(query: URLSearchParams): Promise<{ html: string; csp: string } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? "3000"}/bad-url?${query}`, { signal: AbortSignal.timeout(5_000) });
    const csp = response.headers.get("content-security-policy");
    return response.ok && csp ? { html: await response.text(), csp } : null;
  } catch {
    return null;
  }
}

/** The home form's target: a recognised model redirects (303) to its page; anything else is a 400 that explains why. */
export async function GET(request: NextRequest): Promise<Response> {
  const input = request.nextUrl.searchParams.get("url") ?? "";
  const target = refForInput(input);
  if (target.ok) {
    return new Response(null, { status: 303, headers: { location: modelPath(target.ref) } });
  }
  const query = new URLSearchParams({ input: input.slice(0, 300), code: target.code, message: target.message });
  const page = await badUrlPage(query);
  const headers = {
    "content-type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": page?.csp ?? "default-src 'none'; frame-ancestors 'none'",
  };
  return new Response(page?.html ?? `Not a model URL: ${target.message}. Paste a Hugging Face model URL or an org/name id.`, { status: 400, headers });
}
