import { benchAudit } from "./audit";
import { benchCli } from "./cli";
import { benchCluster } from "./cluster";
import { benchEngine } from "./engine";
import { benchFolder } from "./folder";
import { benchHubBudget, benchHubIndex } from "./hub-index";
import { benchLeaderboard } from "./leaderboard";
import { benchReliability } from "./reliability";
import { benchStorage } from "./storage";
import { benchWeb } from "./web";

type Figures = Record<string, unknown>;

// each section prints its figures side by side; sections that need servers start and stop them themselves
const sections: [string, string, () => Promise<Figures> | Figures][] = [
  ["engine", "MOF engine over the 210 conformance records", benchEngine],
  ["cli", "start-up of `mofscope` (bundled) against a bare `node -e 0` and the former tsx launcher; medians of interleaved runs", benchCli],
  ["audit", "audit of the fixture releases, mock upstream with 50 ms latency per request; when the first rows settle", benchAudit],
  ["folder", "offline audit of a release folder: 100 GB of sparse weight shards, then 10,000 more files", benchFolder],
  ["web", "production server on loopback: cached report page and badge (autocannon, 100 connections, 10 s each), report page JS", benchWeb],
  ["storage", "snapshot store on a SQLite file and on a local PostgreSQL 15 (fsync on), 400 audit-sized snapshots", benchStorage],
  ["cluster", "one instance on SQLite beside two on one PostgreSQL: cached reads, a herd of uncached audits, cache invalidation", benchCluster],
  ["index", "`mofscope index` over 1,000 generated models at 50 ms per request with 1, 2 and 4 workers; re-indexing", benchHubIndex],
  [
    "index-budget",
    "a first index of the Hub's top 10,000 text-generation models: requests per upstream, hours within 90% of the published limits",
    benchHubBudget,
  ],
  ["leaderboard", "openness index queries over 10,000 graded models (medians of 20 runs), SQLite file and local PostgreSQL 15", benchLeaderboard],
  ["reliability", "server fault cases, fuzz runs, thundering herd, what gets past the edge, cached reads with a quiet and a faulty upstream", benchReliability],
];

const only = process.argv.slice(2);
for (const [name, title, run] of sections.filter(([name]) => only.length === 0 || only.includes(name))) {
  console.log(`\n## ${name}: ${title}`);
  console.table(await run());
}
