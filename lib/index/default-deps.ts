import { defaultResponseCache } from "@/lib/db";
import { indexModelStore } from "@/lib/db/index-models";
import { snapshotStore } from "@/lib/db/snapshots";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream, type Upstream } from "@/lib/fetchers/upstream";
import type { JobDeps } from "./job";
import { jobUpstream } from "./job-upstream";

export interface IndexWiring {
  listUpstream: Upstream;
  job: JobDeps;
}

/** Production wiring: upstreams from the environment, snapshots and the shared response cache in the default database. */
export function defaultIndexWiring(env: Record<string, string | undefined> = process.env, fetchFn?: typeof fetch): IndexWiring {
  const config = loadUpstreamConfig(env);
  const ms = Number(env.MOFSCOPE_UPSTREAM_TIMEOUT_MS);
  const http = Number.isInteger(ms) && ms > 0 ? { timeoutMs: ms } : {};
  return {
    listUpstream: createUpstream(config, { ...http, ...(fetchFn ? { fetch: fetchFn } : {}) }),
    job: {
      upstream: (id) => jobUpstream({ config, cache: defaultResponseCache(), http, ...(fetchFn ? { fetch: fetchFn } : {}) }, id),
      snapshots: snapshotStore(),
      models: indexModelStore(),
      now: () => new Date(),
    },
  };
}
