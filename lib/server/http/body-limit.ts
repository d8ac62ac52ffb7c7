import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_STATUS } from "@/lib/api/errors";
import { bodyTooLarge } from "@/lib/api/read-limited";
import { MAX_YAML_BYTES } from "@/lib/mof";
import { SECURITY_HEADERS } from "./security-headers";

/** No route takes a larger body than a MOT record (classify); every other route takes none or a short form. */
export const MAX_BODY_BYTES = MAX_YAML_BYTES;

/**
 * Answers 413 to a request that declares a body larger than any route takes, before anything reads it: Next would
 * otherwise buffer the body (up to its proxy's limit) before the route could refuse it. Returns true if it answered.
 */
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse): boolean {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (!(declared > MAX_BODY_BYTES)) {
    return false;
  }
  const error = bodyTooLarge(MAX_BODY_BYTES);
  const body = JSON.stringify({ error: { code: error.code, message: error.message } });
  response.writeHead(ERROR_STATUS[error.code], {
    ...SECURITY_HEADERS,
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    // closing the connection spares reading (and discarding) the rest of the body
    connection: "close",
  });
  response.end(body);
  return true;
}
