import { performance } from "node:perf_hooks";
import type { Database } from "@/lib/db";
import { createSnapshotStore } from "@/lib/db/snapshots";
import type { Report } from "@/lib/report/schema";
import { auditedReport } from "@/tests/unit/report/sample";
import { onBothDialects } from "./dialects";

const SAVES = 400;
const CONCURRENCY = 8;

async function perSecond(count: number, concurrency: number, run: (n: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        await run(next++);
      }
    }),
  );
  return Math.round(count / ((performance.now() - start) / 1000));
}

// one audit-sized report per save, each of its own model, as the audits of a busy day would be
async function figures(database: Database): Promise<Record<string, number>> {
  const store = createSnapshotStore(database);
  const base = auditedReport();
  const report = (n: number): Report => ({ ...base, model: { ...base.model, id: `bench/model-${n}` } });
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n));
  const ids: string[] = [];
  const save1 = await perSecond(SAVES, 1, async (n) => ids.push((await store.save(report(n), at(n))).id));
  const saveN = await perSecond(SAVES, CONCURRENCY, (n) => store.save(report(SAVES + n), at(SAVES + n)));
  const read1 = await perSecond(ids.length, 1, (n) => store.get(ids[n] ?? ""));
  const readN = await perSecond(ids.length, CONCURRENCY, (n) => store.latest("hf", `bench/model-${n}`));
  return {
    "save /s": save1,
    [`save /s (${CONCURRENCY} at once)`]: saveN,
    "read by id /s": read1,
    [`latest /s (${CONCURRENCY} at once)`]: readN,
  };
}

/** Snapshot writes and reads per second on a SQLite file and on a local PostgreSQL (fsync on), through the same store. */
export async function benchStorage(): Promise<Record<string, Record<string, number>>> {
  return onBothDialects(figures);
}
