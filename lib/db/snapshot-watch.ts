import { sql } from "kysely";
import type { Database } from "./database";

/** How often an instance looks for snapshots another instance stored. */
export const SNAPSHOT_WATCH_MS = 500;

/**
 * Calls `onSnapshots` with the model keys of snapshots stored since the last look, by any instance on this database,
 * every `intervalMs`; the first look only notes where the table ends. Snapshots are found by their insertion order
 * (`rowid` / `seq`), not by a clock, so instances with skewed clocks miss none. Returns a function that stops it.
 */
export function watchSnapshots(database: Database, onSnapshots: (modelKeys: string[]) => void, intervalMs = SNAPSHOT_WATCH_MS): () => void {
  const seq = sql.ref(database.sql.snapshotSeq.column);
  let last: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function look(): Promise<void> {
    if (last === null) {
      const { rows } = await sql<{ top: number | null }>`SELECT max(${seq}) AS top FROM snapshots`.execute(database.db);
      last = Number(rows[0]?.top ?? 0);
      return;
    }
    const { rows } = await sql<{ at: number; model_key: string }>`SELECT ${seq} AS at, model_key FROM snapshots WHERE ${seq} > ${last} ORDER BY ${seq}`.execute(
      database.db,
    );
    if (rows.length > 0) {
      last = Number(rows[rows.length - 1]?.at);
      onSnapshots([...new Set(rows.map((row) => row.model_key))]);
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
