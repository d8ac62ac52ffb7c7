import { createHash } from "node:crypto";

/** Git's object id for a file: sha1 of `blob <byte length>\0<content>`, as GitHub's tree API reports it. */
export function gitBlobSha(content: string | Uint8Array): string {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
