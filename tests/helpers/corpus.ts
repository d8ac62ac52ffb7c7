import { readFileSync } from "node:fs";
import { join } from "node:path";
import { auditModel } from "@/lib/audit";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import type { Report } from "@/lib/report/schema";
import { startMockUpstream } from "./mock-upstream";

const fixtures = join(import.meta.dirname, "..", "fixtures");

/** A component verdict judged by hand from a release's facts and the MOF rules. */
export interface GoldenComponent {
  status: string;
  license: string | null;
  why: string;
}

/** One real release of the corpus: what a person pastes, where its facts come from, and the verdicts expected. */
export interface CorpusRelease {
  input: string;
  source: string;
  patterns: string[];
  /** The repository the report names (a moved repository shows its current name). */
  model?: string;
  /** The base a derivative names. */
  derivedFrom?: string;
  /** Text a note on a missing component must carry (results shown only as an image). */
  notes?: Record<string, string>;
  components: Record<string, GoldenComponent>;
}

/** The corpus: the 48 real releases, the first eight from the original fixtures' expected.json. */
export function loadCorpus(): CorpusRelease[] {
  const original = JSON.parse(readFileSync(join(fixtures, "releases", "expected.json"), "utf8")) as {
    releases: Record<string, { components: Record<string, GoldenComponent> }>;
  };
  const corpus = JSON.parse(readFileSync(join(fixtures, "corpus", "releases.json"), "utf8")) as { releases: CorpusRelease[] };
  const first = Object.entries(original.releases)
    .filter(([id]) => !id.startsWith("mofscope-test/"))
    .map(([id, r]) => ({ input: id, source: "tests/fixtures/SOURCES.md", patterns: ["original fixture"], components: r.components }));
  return [...first, ...corpus.releases];
}

/** One comparison of a golden verdict with the audit's. */
export interface Comparison {
  input: string;
  what: string;
  expected: string;
  got: string;
  why: string;
}

// MOT files an openly licensed optional component under "optional"; the golden files call it included
const comparable = (status: string) => (status === "optional" ? "included" : status);
const verdict = (status: string, license: string | null) =>
  ["missing", "unknown"].includes(status) ? status : `${status} ${license === "unlicensed" ? "(no licence)" : (license ?? "(no licence)")}`;

function compare(release: CorpusRelease, report: Report | string): Comparison[] {
  const rows: Comparison[] = [];
  const got = (f: (r: Report) => string) => (typeof report === "string" ? `audit failed: ${report}` : f(report));
  for (const [name, want] of Object.entries(release.components)) {
    rows.push({
      input: release.input,
      what: name,
      expected: verdict(want.status, want.license),
      got: got((r) => {
        const c = r.components.find((x) => x.name === name);
        return c ? verdict(comparable(c.status), c.license) : "no such component";
      }),
      why: want.why,
    });
  }
  if (release.model) {
    rows.push({
      input: release.input,
      what: "report names",
      expected: release.model,
      got: got((r) => r.model.id),
      why: "moved repository shown under its current name",
    });
  }
  if (release.derivedFrom) {
    rows.push({
      input: release.input,
      what: "derived from",
      expected: release.derivedFrom,
      got: got((r) => r.derivedFrom?.base ?? "none"),
      why: "derivative names its base",
    });
  }
  for (const [name, text] of Object.entries(release.notes ?? {})) {
    rows.push({
      input: release.input,
      what: `${name} note`,
      expected: text,
      got: got(
        (r) =>
          r.components
            .find((x) => x.name === name)
            ?.notes.find((n) => n.what.includes(text))
            ?.what.slice(0, text.length) ?? "no such note",
      ),
      why: "seen but not counted",
    });
  }
  return rows;
}

/** Audits every corpus release against the fixtures (a mock upstream on loopback, no cache) and compares. */
export async function runCorpus(releases: readonly CorpusRelease[] = loadCorpus()): Promise<Comparison[]> {
  const mock = await startMockUpstream();
  try {
    const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
    const deps = { upstream: () => createUpstream(config, { sleep: async () => undefined }), now: () => new Date("2026-11-24T12:00:00Z") };
    const rows: Comparison[] = [];
    for (const release of releases) {
      const outcome = await auditModel(release.input, deps);
      rows.push(...compare(release, outcome.ok ? outcome.report : outcome.error.message));
    }
    return rows;
  } finally {
    await mock.close();
  }
}

/** Per-component agreement over the corpus, then every disagreement, as plain text. */
export function accuracyText(rows: readonly Comparison[]): string {
  const byWhat = new Map<string, { agree: number; total: number }>();
  for (const row of rows) {
    const key = row.what.endsWith(" note") ? "notes" : row.what;
    const entry = byWhat.get(key) ?? { agree: 0, total: 0 };
    entry.total++;
    entry.agree += row.expected === row.got ? 1 : 0;
    byWhat.set(key, entry);
  }
  const agreeing = rows.filter((r) => r.expected === r.got).length;
  const releases = new Set(rows.map((r) => r.input)).size;
  const lines = [
    `Corpus: ${releases} releases, ${rows.length} golden verdicts, ${agreeing} agree (${((100 * agreeing) / Math.max(rows.length, 1)).toFixed(1)}%)`,
    "",
  ];
  const width = Math.max(...[...byWhat.keys()].map((k) => k.length));
  for (const [what, { agree, total }] of [...byWhat].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`${what.padEnd(width)}  ${String(agree).padStart(3)}/${String(total).padEnd(3)} ${((100 * agree) / total).toFixed(0).padStart(3)}%`);
  }
  const disagreements = rows.filter((r) => r.expected !== r.got);
  lines.push("", disagreements.length === 0 ? "No disagreements." : `${disagreements.length} disagreements:`);
  for (const d of disagreements) {
    lines.push(`  ${d.input} — ${d.what}: expected ${d.expected}, got ${d.got}`, `      why: ${d.why}`);
  }
  return lines.join("\n");
}
