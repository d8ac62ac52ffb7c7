import { createSqliteHttpCache, defaultDatabase } from "@/lib/db";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import type { AuditDeps } from "./index";

/** Production wiring: upstreams from the environment, responses cached in the default SQLite database. */
export function defaultDeps(noCache: boolean): AuditDeps {
  return {
    upstream: () => createUpstream(loadUpstreamConfig(), noCache ? {} : { cache: createSqliteHttpCache(defaultDatabase()) }),
    now: () => new Date(),
  };
}
