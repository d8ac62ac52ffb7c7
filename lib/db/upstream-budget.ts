import { sql } from "kysely";
import type { Database } from "./database";

export type BudgetTake = { ok: true } | { ok: false; waitMs: number };

/** One fixed-window request budget per upstream bucket, in the database, so every worker draws from the same one. */
export interface UpstreamBudgetStore {
  /** Spends one request of `bucket` if its window has room and it is not paused; else says how long to wait. */
  take(bucket: string, perWindow: number, windowMs: number, now: number): Promise<BudgetTake>;
  /** What the host itself said (RateLimit: r=remaining, t=seconds to reset): the window follows the host's. */
  observe(bucket: string, remaining: number, resetSeconds: number, windowMs: number, now: number): Promise<void>;
  /** A 429 with Retry-After: nobody sends to this bucket until then. */
  pause(bucket: string, until: number): Promise<void>;
}

export function createUpstreamBudgetStore({ db }: Database): UpstreamBudgetStore {
  const ensure = (bucket: string, now: number) =>
    db
      .insertInto("upstream_budget")
      .values({ host: bucket, window_started_at: now, used: 0, remaining: null, paused_until: 0 })
      .onConflict((c) => c.column("host").doNothing())
      .execute();
  return {
    async take(bucket, perWindow, windowMs, now) {
      await ensure(bucket, now);
      const expired = sql<boolean>`window_started_at + ${windowMs} <= ${now}`;
      // one statement, so two workers never both spend the last request of a window; the room test is built as
      // one parenthesised expression, since a bare `a or b` after the bucket's `and` would match every bucket's row
      const result = await db
        .updateTable("upstream_budget")
        .set({
          used: sql`case when ${expired} then 1 else used + 1 end`,
          remaining: sql`case when ${expired} then null else remaining - 1 end`,
          window_started_at: sql`case when ${expired} then ${now} else window_started_at end`,
        })
        .where("host", "=", bucket)
        .where("paused_until", "<=", now)
        .where((eb) => eb.or([expired, eb.and([eb("used", "<", perWindow), eb.or([eb("remaining", "is", null), eb("remaining", ">", 0)])])]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) {
        return { ok: true };
      }
      const row = await db
        .selectFrom("upstream_budget")
        .select(["window_started_at", "used", "remaining", "paused_until"])
        .where("host", "=", bucket)
        .executeTakeFirstOrThrow();
      const windowEnds = row.window_started_at + windowMs;
      const spent = windowEnds > now && (row.used >= perWindow || (row.remaining !== null && row.remaining <= 0));
      // paused with room left: only until the pause ends; spent: until the window turns too
      const waitMs = Math.max(row.paused_until - now, spent ? windowEnds - now : 0, 1);
      return { ok: false, waitMs };
    },
    async observe(bucket, remaining, resetSeconds, windowMs, now) {
      await ensure(bucket, now);
      const started = now + resetSeconds * 1000 - windowMs;
      await db.updateTable("upstream_budget").set({ remaining, window_started_at: started }).where("host", "=", bucket).execute();
    },
    async pause(bucket, until) {
      await ensure(bucket, 0);
      await db.updateTable("upstream_budget").set({ paused_until: until }).where("host", "=", bucket).where("paused_until", "<", until).execute();
    },
  };
}
