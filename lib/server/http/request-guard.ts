import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_STATUS } from "@/lib/api/errors";
import { refusedPage } from "@/lib/server/pages/status-pages";
import { NO_CONTENT_POLICY, SECURITY_HEADERS } from "./security-headers";

/** The methods some route answers; a route that needs another one adds it here. */
export const ALLOWED_METHODS: readonly string[] = ["GET", "HEAD", "POST", "OPTIONS"];
const ALLOW = ALLOWED_METHODS.join(", ");

export interface Refusal {
  code: "bad_input" | "method_not_allowed";
  message: string;
  /** JSON for the API, a page (or a short text) for everything else. */
  api: boolean;
}

/**
 * What the server refuses before Next sees the request: a method no route answers (Next would throw on TRACE and
 * answer a bare 500) and a path whose percent-escapes do not decode (Next's router throws on `%ff` the same way).
 */
export function requestRefusal(method: string, url: string): Refusal | null {
  const path = url.split("?", 1)[0] ?? "";
  const api = path.startsWith("/api/");
  if (!ALLOWED_METHODS.includes(method)) {
    return { code: "method_not_allowed", message: `This server answers ${ALLOW} only.`, api };
  }
  try {
    decodeURIComponent(path);
  } catch {
    return { code: "bad_input", message: "The path has a malformed percent-escape (such as %ff).", api };
  }
  return null;
}

async function send(refusal: Refusal, response: ServerResponse): Promise<void> {
  const status = ERROR_STATUS[refusal.code];
  const head: Record<string, string> = { ...SECURITY_HEADERS, "cache-control": "no-store", ...(status === 405 ? { allow: ALLOW } : {}) };
  if (refusal.api) {
    response.writeHead(status, { ...head, "content-type": "application/json", "content-security-policy": NO_CONTENT_POLICY });
    response.end(JSON.stringify({ error: { code: refusal.code, message: refusal.message } }));
    return;
  }
  if (status === 405) {
    // scanners send these; a plain line costs no render
    response.writeHead(status, { ...head, "content-type": "text/plain; charset=utf-8", "content-security-policy": NO_CONTENT_POLICY });
    response.end(`405 Method Not Allowed. ${refusal.message}\n`);
    return;
  }
  const page = await refusedPage("malformed_path");
  response.writeHead(status, { ...Object.fromEntries(page.headers), ...head });
  response.end(Buffer.from(await page.arrayBuffer()));
}

/** Answers a request the server refuses (400 or 405, with the security headers) and says so; false lets it through. */
export function refuseBeforeNext(request: IncomingMessage, response: ServerResponse): boolean {
  const refusal = requestRefusal(request.method ?? "GET", request.url ?? "/");
  if (refusal === null) {
    return false;
  }
  send(refusal, response).catch(() => response.destroy());
  return true;
}

/** The raw answer to CONNECT, which Node hands over as a socket rather than a request: 405, then close. */
export function connectRefusal(): string {
  const headers = { ...SECURITY_HEADERS, allow: ALLOW, "content-security-policy": NO_CONTENT_POLICY, "content-length": "0", connection: "close" };
  return `HTTP/1.1 405 Method Not Allowed\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;
}
