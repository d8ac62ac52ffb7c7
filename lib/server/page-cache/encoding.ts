import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

export type EncodedBodies = Readonly<Record<Encoding, Buffer>>;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The body in each encoding, compressed once (off the event loop) so every serve only writes bytes. */
export async function encodeBody(body: string | Buffer): Promise<EncodedBodies> {
  const identity = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzipped(identity, { level: 9 }),
  ]);
  return { br, gzip: gz, identity };
}

/** The best encoding an `Accept-Encoding` header allows: br, then gzip, else none (`q=0` refuses one). */
export function preferredEncoding(acceptEncoding: string | undefined | null): Encoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith("q="));
    if (q === undefined || Number(q.slice(2)) > 0) {
      accepted.add(name);
    }
  }
  if (accepted.has("br")) {
    return "br";
  }
  if (accepted.has("gzip")) {
    return "gzip";
  }
  return "identity";
}
