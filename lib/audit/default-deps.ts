import { defaultResponseCache } from "@/lib/db";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import type { AuditDeps } from "./types";

// MOFSCOPE_UPSTREAM_TIMEOUT_MS=<ms per upstream request>; the server-level fault tests shorten it
function timeoutFromEnv(): { timeoutMs?: number } {
  const ms = Number(process.env.MOFSCOPE_UPSTREAM_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? { timeoutMs: ms } : {};
}

/** Production wiring: upstreams from the environment, responses cached in the default database. */
export function defaultDeps(noCache: boolean): AuditDeps {
  return {
    upstream: () => createUpstream(loadUpstreamConfig(), { ...timeoutFromEnv(), ...(noCache ? {} : { cache: defaultResponseCache() }) }),
    now: () => new Date(),
  };
}
