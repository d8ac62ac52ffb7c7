import type { IncomingMessage, ServerResponse } from "node:http";
// types only: lib/api/errors loads next/server, which server.ts must not load before Next itself
import type { ErrorBody } from "@/lib/api/errors";
import { STORAGE_RETRY_SECONDS, type StorageHealth } from "@/lib/db/health";
import { SECURITY_HEADERS } from "@/lib/server/http/security-headers";

const MESSAGE = "The database is unreachable; try again shortly.";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · mofscope</title></head>
<body><main><h1>mofscope is temporarily unavailable</h1>
<p>${MESSAGE} Nothing that was saved is lost.</p></main></body></html>
`;

/**
 * While the database is unreachable, answers every request that would need it with 503 and Retry-After before Next
 * sees it: JSON for the API, a short page elsewhere. Static assets still pass. Returns true when it answered.
 */
export function answerWhileStorageDown(health: Pick<StorageHealth, "down">, request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (!health.down || path.startsWith("/_next/static/")) {
    return false;
  }
  const api = path.startsWith("/api/");
  const body = api ? JSON.stringify({ error: { code: "storage_unavailable", message: MESSAGE } } satisfies ErrorBody) : PAGE;
  response.writeHead(503, {
    ...SECURITY_HEADERS,
    "content-type": api ? "application/json" : "text/html; charset=utf-8",
    "content-security-policy": "default-src 'none'",
    "cache-control": "no-store",
    "retry-after": String(STORAGE_RETRY_SECONDS),
  });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}
