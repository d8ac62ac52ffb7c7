import { createHash } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const SNAPSHOT_ID_LENGTH = 10;
const ID_PATTERN = new RegExp(`^[0-9A-Za-z]{${SNAPSHOT_ID_LENGTH}}$`);

/** A short, URL-safe id: the first 10 base62 digits of a SHA-256 over the given parts. */
export function snapshotId(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part).update("\0");
  }
  let n = BigInt(`0x${hash.digest("hex")}`);
  let out = "";
  while (out.length < SNAPSHOT_ID_LENGTH) {
    out += ALPHABET[Number(n % 62n)];
    n /= 62n;
  }
  return out;
}

export function isSnapshotId(value: string): boolean {
  return ID_PATTERN.test(value);
}
