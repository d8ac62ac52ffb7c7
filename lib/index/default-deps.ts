import { defaultDatabase, defaultResponseCache } from "@/lib/db";
import { indexModelStore } from "@/lib/db/index-models";
import { snapshotStore } from "@/lib/db/snapshots";
import { createUpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream, type Upstream } from "@/lib/fetchers/upstream";
import { budgetBases, budgetSettings, upstreamBudget } from "./budget";
import type { JobDeps } from "./job";
import { createRunShare, jobUpstream } from "./job-upstream";

export interface IndexWiring {
  listUpstream: Upstream;
  job: JobDeps;
}

/**
 * Production wiring: upstreams from the environment, every Hub and GitHub request drawn from the budget in the default
 * database (shared by every worker on it), snapshots and the shared response cache there too.
 */
export async function defaultIndexWiring(env: Record<string, string | undefined> = process.env): Promise<IndexWiring> {
  const config = loadUpstreamConfig(env);
  const budget = upstreamBudget({ store: createUpstreamBudgetStore(await defaultDatabase()), settings: budgetSettings(env), ...budgetBases(config) });
  const ms = Number(env.MOFSCOPE_UPSTREAM_TIMEOUT_MS);
  const http = { ...budget, ...(Number.isInteger(ms) && ms > 0 ? { timeoutMs: ms } : {}) };
  // one wiring is one `mofscope index` run: its jobs share the answers their models have in common
  const share = createRunShare();
  return {
    listUpstream: createUpstream(config, http),
    job: {
      upstream: (id) => jobUpstream({ config, cache: defaultResponseCache(), share, http }, id),
      snapshots: snapshotStore(),
      models: indexModelStore(),
      now: () => new Date(),
    },
  };
}
