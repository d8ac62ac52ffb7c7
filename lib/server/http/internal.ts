import { randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Signals between this server's own parts travel as `x-mofscope-*` request headers. The edge (`server.ts`) strips
 * every such header a client sends; a request this process makes to itself proves where it comes from with a secret
 * made at start, which no client can know.
 */
export const INTERNAL_PREFIX = "x-mofscope-";

/** Carries the process's secret on a request it makes to itself. */
export const INTERNAL_HEADER = "x-mofscope-internal";

/** The rate-limit key of the request's client: set at the edge, or carried by an inner request made for a client. */
export const CLIENT_HEADER = "x-mofscope-client";

/** Set by `relayPage` on the inner request for an error page, so the page renders only what this server decided; its value is the secret. */
export const RELAY_HEADER = "x-mofscope-relay";

/** Set by the proxy on a model page whose audit's token it spent on the page's first upstream request; its value is the secret. */
export const PREPAID_HEADER = "x-mofscope-prepaid";

// the server in front of Next and Next's own bundles each load this module, so the secret lives on globalThis
const globalForSecret = globalThis as unknown as { mofscopeInternalSecret?: string };

/** The secret of this process, made on first use. */
export function internalSecret(): string {
  globalForSecret.mofscopeInternalSecret ??= randomBytes(32).toString("base64url");
  return globalForSecret.mofscopeInternalSecret;
}

/** True when a header value is this process's secret (compared in constant time). */
export function isInternal(value: string | string[] | null | undefined): boolean {
  if (typeof value !== "string") {
    return false;
  }
  const expected = Buffer.from(internalSecret());
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The headers of a request this process makes to itself on behalf of `client`. */
export function innerRequestHeaders(client: string): Record<string, string> {
  return { [INTERNAL_HEADER]: internalSecret(), [CLIENT_HEADER]: client };
}
