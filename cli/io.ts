/** The streams and environment a CLI command runs with, injected so tests can capture them. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { ok: 0, belowMinClass: 1, badInput: 2, upstreamFailure: 3 } as const;

export const USAGE = `Usage:
  mofscope classify FILE.yml [FILE.yml ...] [--json] [--min-class N]
  mofscope audit URL [URL ...] [--json] [--min-class N] [--no-cache]
  mofscope audit URL --format json|cyclonedx|spdx|markdown|yaml   one report as a file: the report JSON (with the
                                       OSAID verdict), a CycloneDX 1.6 or SPDX 3.0.1 AI-BOM, Markdown, or MOT YAML
  mofscope audit URL --against FILE.yml [--json]   compare a MOT record's claims with the evidence

Exit codes: 0 ok, 1 a record is below --min-class, 2 bad input (unreadable file, invalid YAML, bad URL,
unknown model), 3 upstream failure with no result (rate limit, upstream down, gated metadata), 70 the command
line could not be built (run npm install).

Environment: HF_ENDPOINT, GITHUB_API_URL, ARXIV_API_URL, HF_TOKEN, GITHUB_TOKEN; MOFSCOPE_DB (response cache).
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
