import { ApiError } from "./errors";
import { readLimitedText } from "./read-limited";

/** The write endpoints take a short JSON body: a selection, or a Hub webhook's event (a repo event is ~1 KB). */
export const MAX_JSON_BYTES = 64 * 1024;

/** The 404 of a write endpoint whose secret is not configured: to the outside it does not exist. */
export function endpointDisabled(variable: string): ApiError {
  return new ApiError("not_found", `This endpoint is disabled on this server (${variable} is not set).`);
}

/** Reads a JSON body within MAX_JSON_BYTES: 413 over it, 400 when it is not UTF-8 or not JSON. */
export async function readJsonBody(request: Request, what: string): Promise<unknown> {
  const text = await readLimitedText(request, MAX_JSON_BYTES, what);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("bad_input", `The body is not JSON; send ${what}.`);
  }
}
