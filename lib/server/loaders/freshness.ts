import "server-only";
import { after } from "next/server";
import { z } from "zod";
import { defaultDatabase } from "@/lib/db";
import { type IndexModelStore, indexModelStore } from "@/lib/db/index-models";
import { createUpstreamBudgetStore } from "@/lib/db/upstream-budget";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { getModelHead } from "@/lib/fetchers/hf/model-head";
import { createUpstream, type Upstream } from "@/lib/fetchers/upstream";
import { budgetBases, budgetSettings, upstreamBudget } from "@/lib/index/budget";
import { type Staleness, stalenessOf } from "@/lib/report/freshness";
import type { Report } from "@/lib/report/schema";
import { invalidateModelPages } from "@/lib/server/page-cache/cache";

const minutesSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60);

/** How long a model's observed head counts as current: MOFSCOPE_FRESHNESS_MINUTES (default 60), in milliseconds. */
export function freshnessWindowMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MOFSCOPE_FRESHNESS_MINUTES;
  if (raw === undefined || raw === "") {
    return 60 * 60_000;
  }
  const parsed = minutesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error("invalid MOFSCOPE_FRESHNESS_MINUTES: a whole number of minutes from 1 to 10080");
  }
  return parsed.data * 60_000;
}

/** Whether a report's model has moved on since, by what the index last learned of its head: one database read. */
export async function stalenessOfReport(report: Report, models: IndexModelStore = indexModelStore()): Promise<Staleness | null> {
  if (report.model.source !== "hf") {
    return null;
  }
  const row = await models.get(report.model.id);
  return stalenessOf(report, row ? { sha: row.sha, lastModified: row.last_modified } : null);
}

export interface HeadCheckDeps {
  models: IndexModelStore;
  /** The Hub client the check asks through; at most one request per check. */
  upstream: () => Upstream;
  windowMs: number;
  now: () => Date;
  /** Called when the check saw a head other than the one recorded (the model's pages must render again). */
  onMoved: (id: string) => void;
}

export type HeadCheck = "checked" | "not due" | "failed";

/**
 * Asks the Hub where a stored report's model stands now, at most once per window for the model across every instance,
 * and records the answer for every page and the index's stale filter. `stored` is the model's latest snapshot: models
 * nobody has a report of are never checked, so the check cannot be used to spend the upstream on arbitrary ids. A
 * failed check records nothing (never marks a report stale) and throws nothing.
 */
export async function checkModelHead(stored: Report, deps: HeadCheckDeps): Promise<HeadCheck> {
  const id = stored.model.id;
  if (stored.model.source !== "hf" || !(await deps.models.claimHeadCheck(id, deps.windowMs, deps.now()))) {
    return "not due";
  }
  try {
    const head = await getModelHead(deps.upstream(), { id });
    const before = await deps.models.get(id);
    await deps.models.recordHead(id, head, deps.now());
    if (before?.sha !== head.sha) {
      deps.onMoved(id);
    }
    return "checked";
  } catch {
    return "failed";
  }
}

// one client per process: no response cache, no retries (a later window retries), every request from the shared Hub
// budget without waiting for it, so checks never take the index's requests nor go past the Hub's limits
async function headCheckUpstream(): Promise<() => Upstream> {
  const config = loadUpstreamConfig();
  const budget = upstreamBudget({
    store: createUpstreamBudgetStore(await defaultDatabase()),
    settings: budgetSettings(process.env),
    ...budgetBases(config),
    waits: false,
  });
  const upstream = createUpstream(config, { ...budget, maxRetries: 0, timeoutMs: 5_000 });
  return () => upstream;
}

const globalForChecks = globalThis as unknown as { mofscopeHeadCheckUpstream?: Promise<() => Upstream> | undefined };

/**
 * The production check of a stored report's model, for a page or badge to run after its response (it never delays
 * one): the answer shows on a later view. Errors are swallowed: freshness is a notice, never a failure of the page.
 */
export async function checkStoredModelHead(stored: Report): Promise<HeadCheck> {
  try {
    globalForChecks.mofscopeHeadCheckUpstream ??= headCheckUpstream();
    const upstream = await globalForChecks.mofscopeHeadCheckUpstream;
    return await checkModelHead(stored, {
      models: indexModelStore(),
      upstream,
      windowMs: freshnessWindowMs(),
      now: () => new Date(),
      onMoved: invalidateModelPages,
    });
  } catch (error) {
    // a setting that does not parse, or storage that did not open: said, and tried again on the next view
    globalForChecks.mofscopeHeadCheckUpstream = undefined;
    console.error(`mofscope: freshness check of ${stored.model.id} not made: ${error instanceof Error ? error.message : String(error)}`);
    return "failed";
  }
}

/**
 * Checks a stored report's model head once the response has gone (Next's `after`). A handler run outside a request
 * (called directly, as the route tests do) has no "after": the check then runs beside it, unawaited, so it still
 * never delays or fails the response.
 */
export function checkStoredModelHeadAfterResponse(stored: Report): void {
  try {
    after(() => checkStoredModelHead(stored));
  } catch {
    void checkStoredModelHead(stored);
  }
}
