import { ApiError } from "./errors";

// where strict decoding fails: each U+FFFD of a lenient decode either stands for the bytes EF BF BD or marks the
// first invalid byte; the text between replacements re-encodes to exactly the bytes it came from
function firstInvalidByte(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", from)) {
    offset += Buffer.byteLength(text.slice(from, at));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) {
      return offset;
    }
    offset += 3;
    from = at + 1;
  }
  return offset;
}

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
    throw new ApiError(
      "bad_input",
      `The body is not valid UTF-8: the byte at offset ${offset} (0x${byte}) does not start a valid character. Send ${what} encoded as UTF-8.`,
    );
  }
}

/** The 413 for a body over `maxBytes`, whether it is refused on its declared length or while it streams. */
export function bodyTooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

/**
 * Reads a request body as UTF-8, refusing it (413) as soon as it passes `maxBytes`, and refusing invalid UTF-8 (400,
 * naming the byte offset); `what` names the body a route expects in its messages.
 */
export async function readLimitedText(request: Request, maxBytes: number, what = "the MOF YAML"): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    throw bodyTooLarge(maxBytes);
  }
  if (request.body === null) {
    throw new ApiError("bad_input", `The request has no body; send ${what} as the body.`);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = decodeUtf8(Buffer.concat(chunks), what);
  if (text.trim() === "") {
    throw new ApiError("bad_input", `The body is empty; send ${what} as the body.`);
  }
  return text;
}
