// FNV-1a, 32 bits, from a given offset basis: four of them make the 128 bits of a UUID
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const BASES = [0x811c9dc5, 0x050c5d1f, 0x2f8b3c4d, 0x6a09e667];

/**
 * A UUID (version 8, RFC 9562: vendor-defined) that the same text always gives: a snapshot's BOM keeps its serial
 * number however often it is downloaded. Not a secret and not collision-proof against an adversary; an identifier.
 */
export function stableUuid(text: string): string {
  const hex = BASES.map((basis) => fnv1a(text, basis).toString(16).padStart(8, "0")).join("");
  const version = `8${hex.slice(13, 16)}`;
  const variant = `${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
