const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

function base62(n: number): string {
  let out = "";
  do {
    out = DIGITS[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out;
}

/** A flow mapping of `keys` short distinct keys: 20,000 keys are about 76 KB, 66,000 about 260 KB (under the 256 KiB body limit). */
export function manyKeys(keys: number): string {
  return `{${Array.from({ length: keys }, (_, i) => base62(i)).join(",")}}\n`;
}

/** `depth` flow sequences nested in one another. */
export function deepNesting(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}\n`;
}
