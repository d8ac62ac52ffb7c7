import { sql } from "kysely";
import type { Database } from "./database";

/** How often an instance looks for snapshots another instance stored. */
export const SNAPSHOT_WATCH_MS = 500;

/**
 * How long after a snapshot is first seen a row with a lower number may still appear: PostgreSQL numbers a row when
 * its transaction inserts it, not when it commits, so a slower transaction can commit its lower number later.
 */
export const SNAPSHOT_SETTLE_MS = 30_000;

/**
 * Calls `onSnapshots` with the model keys of snapshots stored since the last look, by any instance on this database,
 * every `intervalMs`; the first look only notes where the table ends. Snapshots are found by their insertion number
 * (`rowid` / `seq`), not by a clock, so instances with skewed clocks miss none; each look re-reads the numbers of the
 * last `settleMs` too, so a row committed after a higher-numbered one is still found, and reports each row once.
 * Returns a function that stops it.
 */
export function watchSnapshots(
  database: Database,
  onSnapshots: (modelKeys: string[]) => void,
  intervalMs = SNAPSHOT_WATCH_MS,
  settleMs = SNAPSHOT_SETTLE_MS,
): () => void {
  const seq = sql.ref(database.sql.snapshotSeq.column);
  // every row numbered at or below `floor` is settled: reported, or before the watch began
  let floor: number | null = null;
  // rows above the floor already reported, with when they were first seen
  const seen = new Map<number, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function look(): Promise<void> {
    if (floor === null) {
      const { rows } = await sql<{ top: number | null }>`SELECT max(${seq}) AS top FROM snapshots`.execute(database.db);
      floor = Number(rows[0]?.top ?? 0);
      return;
    }
    const { rows } = await sql<{
      at: number;
      model_key: string;
    }>`SELECT ${seq} AS at, model_key FROM snapshots WHERE ${seq} > ${floor} ORDER BY ${seq}`.execute(database.db);
    const now = Date.now();
    const fresh = rows.filter((row) => !seen.has(Number(row.at)));
    for (const row of fresh) {
      seen.set(Number(row.at), now);
    }
    // the floor rises to the highest number seen long enough ago that no lower one can still commit
    for (const [at, since] of seen) {
      if (now - since >= settleMs) {
        floor = Math.max(floor, at);
      }
    }
    for (const at of seen.keys()) {
      if (at <= floor) {
        seen.delete(at);
      }
    }
    if (fresh.length > 0) {
      onSnapshots([...new Set(fresh.map((row) => row.model_key))]);
    }
  }

  const schedule = () => {
    if (!stopped) {
      timer = setTimeout(() => {
        // an unreachable database is the health monitor's to report; the next look tries again
        look()
          .catch(() => undefined)
          .finally(schedule);
      }, intervalMs);
      timer.unref();
    }
  };
  look()
    .catch(() => undefined)
    .finally(schedule);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
