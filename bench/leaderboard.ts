import { performance } from "node:perf_hooks";
import type { Database } from "@/lib/db";
import { createIndexModelStore } from "@/lib/db/index-models";
import { createLeaderboardStore } from "@/lib/db/leaderboard";
import { createSnapshotStore } from "@/lib/db/snapshots";
import type { Report } from "@/lib/report/schema";
import { auditedReport } from "@/tests/unit/report/sample";
import { onBothDialects } from "./dialects";

const MODELS = 10_000;
const ORGS = 100;
const RUNS = 20;
const LICENCES = ["Apache-2.0", "MIT", "CC-BY-4.0", "OpenRAIL", "Llama-2"];

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 10) / 10;
}

// 10,000 audited models over 100 organisations, every class, each a full audit-sized report stored through the store
async function seed(database: Database): Promise<void> {
  const snapshots = createSnapshotStore(database);
  const base = auditedReport();
  const classes = [0, 3, 2, 1] as const;
  for (let n = 0; n < MODELS; n++) {
    const cls = classes[n % 4] ?? 0;
    const report: Report = {
      ...base,
      class: cls,
      progress: { "1": 0, "2": (n * 7) % 100, "3": (n * 13) % 100 },
      next:
        cls === 1
          ? null
          : { class: (cls === 0 ? 3 : cls - 1) as 1 | 2 | 3, items: [{ cid: 18 + (n % 2), name: "", status: "missing", license: null, fix: null }] },
      components: base.components.map((c, i) => ({ ...c, license: i === 0 ? (LICENCES[n % LICENCES.length] ?? null) : null })),
      model: { ...base.model, id: `org-${n % ORGS}/model-${n}`, sha: `${n}`.padStart(40, "0") },
    };
    await snapshots.save(report, new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n)));
  }
  await createIndexModelStore(database).recordListed(
    Array.from({ length: MODELS }, (_, n) => ({
      id: `org-${n % ORGS}/model-${n}`,
      sha: `${n % 10 === 0 ? n + 1 : n}`.padStart(40, "0"),
      lastModified: null,
      pipelineTag: "text-generation",
      downloads: (n * 7919) % 1_000_000,
    })),
  );
}

async function figures(database: Database): Promise<Record<string, number>> {
  await seed(database);
  const board = createLeaderboardStore(database);
  let deep: string | null = null;
  for (let page = 0; page < 100; page++) {
    deep = (await board.page({ cursor: deep })).nextCursor;
  }
  return {
    "first page, openness (ms)": await medianMs(() => board.page()),
    "page 101 by cursor (ms)": await medianMs(() => board.page({ cursor: deep })),
    "first page, downloads (ms)": await medianMs(() => board.page({ sort: "downloads" })),
    "first page, latest audited (ms)": await medianMs(() => board.page({ sort: "audited" })),
    "one org (ms)": await medianMs(() => board.page({ filter: { org: "org-42" } })),
    "licence filter (ms)": await medianMs(() => board.page({ filter: { licence: "MIT" } })),
    "stale filter (ms)": await medianMs(() => board.page({ filter: { stale: true } })),
    "class distribution (ms)": await medianMs(() => board.distribution()),
    "most common gap (ms)": await medianMs(() => board.commonGap()),
    "most common gap, one org (ms)": await medianMs(() => board.commonGap({ org: "org-42" })),
  };
}

/** The leaderboard's queries over 10,000 graded models, on a SQLite file and a local PostgreSQL. */
export async function benchLeaderboard(): Promise<Record<string, Record<string, number>>> {
  return onBothDialects(figures);
}
