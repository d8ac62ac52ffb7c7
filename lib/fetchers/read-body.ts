import { FetchFailure } from "./errors";

/** Reads a response body as UTF-8, stopping (and cancelling the stream) as soon as it exceeds maxBytes. */
export async function readBodyCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new FetchFailure({
      kind: "invalid_response",
      url,
      status: response.status,
      detail: `body exceeds ${maxBytes} bytes`,
    });

  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) {
    return "";
  }

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder("utf-8").decode(bytes);
}
