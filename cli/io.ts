/** The streams and environment a CLI command runs with, injected so tests can capture them. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { ok: 0, belowMinClass: 1, badInput: 2, upstreamFailure: 3 } as const;

export const USAGE = `Usage:
  mofscope classify FILE.yml [FILE.yml ...] [--json] [--min-class N]
  mofscope audit URL|ID|FOLDER [...] [--format text|json|markdown|mot] [--json] [--min-class N] [--framework mof|osaid]
                 [--fail-on-unknown] [--no-cache]
  mofscope audit URL|FOLDER --format cyclonedx|spdx|yaml   one report as a file: a CycloneDX 1.6 or SPDX 3.0.1
                                       AI-BOM, or MOT YAML; json and markdown carry the OSAID verdict too
  mofscope audit ./release [--repo github.com/org/code] [--paper arXiv:ID] [--offline]   a release folder before it is published
  mofscope audit URL --against FILE.yml [--json]   compare a MOT record's claims with the evidence
  mofscope action   what the GitHub Action (action.yml) runs: inputs from MOFSCOPE_MODEL, MOFSCOPE_MIN_CLASS, …
  mofscope index [--author ORG ...] [--search Q] [--top N] [--pipeline TAG] [--file LIST] [--from-mot]
                 [--json] [--force] [--enqueue-only] [--concurrency N]
                                                   grade many Hub models; re-audits only those whose commit moved;
                                                   --enqueue-only leaves the audits to workers (needs DATABASE_URL)
  mofscope worker [--concurrency N]   work the PostgreSQL index queue (needs DATABASE_URL) until SIGTERM/SIGINT,
                                       one line per settled job

Exit codes: 0 ok, 1 a record is below --min-class, 2 bad input (unreadable file, invalid YAML, bad URL,
unknown model, a release folder mofscope refuses), 3 upstream failure with no result (rate limit, upstream down,
gated metadata), or with --fail-on-unknown a component left unknown by a failed source, 70 the command line could
not be built (run npm install).

Environment: HF_ENDPOINT, GITHUB_API_URL, ARXIV_API_URL, HF_TOKEN, GITHUB_TOKEN; MOFSCOPE_DB or DATABASE_URL
(response cache, snapshots, the index); MOFSCOPE_HF_BUDGET (Hub requests per 5 minutes); MOFSCOPE_PUBLIC_URL (a
mofscope server to link reports on); MOFSCOPE_QUEUE_RETRIES, MOFSCOPE_QUEUE_RETRY_DELAY_S, MOFSCOPE_QUEUE_EXPIRE_S,
MOFSCOPE_QUEUE_MAINTENANCE_S, MOFSCOPE_QUEUE_POLL_S (the PostgreSQL queue; see docs/index.md).
`;

/** Parses `--min-class`: 1 (Class I, most open) to 3. */
export function parseMinClass(value: string | undefined): number | null | "invalid" {
  if (value === undefined) {
    return null;
  }
  return /^[123]$/.test(value) ? Number(value) : "invalid";
}

/** True when a class fails a `--min-class N` gate (0 is unclassified; 1 is the best class). */
export function belowMinClass(cls: number, min: number | null): boolean {
  return min !== null && (cls === 0 || cls > min);
}
