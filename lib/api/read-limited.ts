import { ApiError } from "./errors";

/** Reads a request body as UTF-8, refusing it (413) as soon as it passes `maxBytes`. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new ApiError("payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  if (declared > maxBytes) {
    throw tooLarge();
  }
  if (request.body === null) {
    throw new ApiError("bad_input", "The request has no body; send the MOF YAML as the body.");
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (text.trim() === "") {
    throw new ApiError("bad_input", "The body is empty; send the MOF YAML as the body.");
  }
  return text;
}
