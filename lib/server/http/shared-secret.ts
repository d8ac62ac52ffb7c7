import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether a secret a request presented is the configured one, in time that does not depend on where they differ:
 * both are hashed first, so even their lengths are compared in constant time.
 */
export function sameSecret(presented: string | null, configured: string): boolean {
  return presented !== null && timingSafeEqual(digest(presented), digest(configured));
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer[ ]+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/** A configured secret: the variable's value, or null when it is unset or blank (the endpoint it guards is off). */
export function configuredSecret(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
