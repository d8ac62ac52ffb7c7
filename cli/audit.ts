import { parseArgs } from "node:util";
import { type AuditOutcome, auditFolder, auditModel } from "@/lib/audit";
import { compareClaims } from "@/lib/claims";
import type { PublishNote } from "@/lib/evidence";
import { osaidOf } from "@/lib/frameworks/osaid";
import type { MofRecord } from "@/lib/mof";
import type { Report } from "@/lib/report/schema";
import { readClaimRecord } from "./against";
import type { AuditEntry } from "./audit-entry";
import { renderText } from "./audit-render";
import { type AuditFormat, pickFormat } from "./formats";
import { isFolderInput, parsePaper, parseRepos } from "./inputs";
import type { CliIo } from "./io";
import { belowMinClass, EXIT, parseMinClass, USAGE } from "./io";

/** The flags `mofscope audit` takes; the GitHub Action checks here which ones this version has. */
export const AUDIT_OPTIONS = {
  json: { type: "boolean" },
  format: { type: "string" },
  "min-class": { type: "string" },
  "fail-on-unknown": { type: "boolean" },
  "no-cache": { type: "boolean" },
  against: { type: "string" },
  repo: { type: "string", multiple: true },
  paper: { type: "string" },
  offline: { type: "boolean" },
  framework: { type: "string" },
} as const;

/** What the gate judges: MOF's class (with `--min-class`) or, with `--framework osaid`, also the OSAID 1.0 verdict. */
export const GATE_FRAMEWORKS = ["mof", "osaid"] as const;
export type GateFramework = (typeof GATE_FRAMEWORKS)[number];

/** A parsed `mofscope audit` command line. */
export interface AuditRequest {
  readonly inputs: readonly string[];
  readonly format: AuditFormat;
  readonly min: number | null;
  readonly failOnUnknown: boolean;
  readonly noCache: boolean;
  readonly against: { readonly file: string; readonly record: MofRecord } | null;
  readonly repos: readonly string[];
  readonly paper: string | null;
  readonly offline: boolean;
  readonly framework: GateFramework;
}

const FOLDER_ONLY = ["repo", "paper", "offline"] as const;

/** Parses and checks the arguments of `mofscope audit`; the message says what is wrong. */
export async function parseAuditArgs(argv: string[]): Promise<{ ok: true; request: AuditRequest } | { ok: false; message: string }> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: AUDIT_OPTIONS });
  const min = parseMinClass(values["min-class"]);
  const format = pickFormat(values.format, values.json === true);
  const repos = parseRepos(values.repo ?? []);
  const paper = parsePaper(values.paper);
  const framework = GATE_FRAMEWORKS.find((f) => f === (values.framework ?? "mof")) ?? null;
  const problems = [
    positionals.length === 0 ? `audit needs at least one URL, model id or release folder\n\n${USAGE}` : "",
    min === "invalid" ? "--min-class takes 1, 2 or 3" : "",
    format.ok ? "" : format.message,
    format.ok && format.format.single && positionals.length > 1 ? `--format ${format.name} writes one model; give one` : "",
    repos.ok ? "" : repos.message,
    paper.ok ? "" : paper.message,
    FOLDER_ONLY.some((flag) => values[flag] !== undefined) && !positionals.every(isFolderInput)
      ? "--repo, --paper and --offline apply to a release folder (./path); a published model names its own"
      : "",
    values.against !== undefined && positionals.length > 1 ? "--against compares one URL with one record" : "",
    framework === null ? `--framework takes ${GATE_FRAMEWORKS.join(" or ")}, not "${String(values.framework).slice(0, 40)}"` : "",
  ].filter(Boolean);
  if (problems.length > 0 || !format.ok || !repos.ok || !paper.ok || min === "invalid" || framework === null) {
    return { ok: false, message: problems[0] ?? "" };
  }
  let against: AuditRequest["against"] = null;
  if (values.against !== undefined) {
    const loaded = await readClaimRecord(values.against);
    if (!loaded.ok) {
      return { ok: false, message: loaded.message };
    }
    against = { file: values.against, record: loaded.record };
  }
  return {
    ok: true,
    request: {
      inputs: positionals,
      format: format.format,
      min,
      failOnUnknown: values["fail-on-unknown"] === true,
      noCache: values["no-cache"] === true,
      against,
      repos: repos.repos,
      paper: paper.paper,
      offline: values.offline === true,
      framework,
    },
  };
}

async function audit(input: string, folder: boolean, request: AuditRequest): Promise<{ outcome: AuditOutcome; onPublish: readonly PublishNote[] }> {
  if (!folder) {
    return { outcome: await auditModel(input, { noCache: request.noCache }), onPublish: [] };
  }
  const audited = await auditFolder(input, { noCache: request.noCache, repos: request.repos, paper: request.paper, offline: request.offline });
  return audited.ok ? { outcome: { ok: true, report: audited.report }, onPublish: audited.onPublish } : { outcome: audited, onPublish: [] };
}

async function auditOne(input: string, request: AuditRequest): Promise<AuditEntry> {
  const folder = isFolderInput(input);
  const { outcome, onPublish } = await audit(input, folder, request);
  return {
    input,
    outcome,
    claims: request.against !== null && outcome.ok ? compareClaims(request.against.record, outcome.report) : null,
    onPublish,
    folder,
  };
}

/** Audits every input of the request, in parallel. */
export function runAudits(request: AuditRequest): Promise<AuditEntry[]> {
  return Promise.all(request.inputs.map((input) => auditOne(input, request)));
}

/** Why a report does not pass the OSAID gate, as the exit code it earns: a verdict of `fails`, or one a reviewer must make. */
export function osaidGate(report: Report): { code: number; reason: string } | null {
  const osaid = osaidOf(report);
  if (osaid.verdict === "meets") {
    return null;
  }
  if (osaid.verdict === "fails") {
    return { code: EXIT.belowMinClass, reason: `${report.model.id} does not meet OSAID ${osaid.definition.version}: ${osaid.reason}` };
  }
  // an unknown the sources left open may close once they answer; one the definition leaves to a reviewer will not
  return osaid.unknownKinds.includes("source")
    ? { code: EXIT.upstreamFailure, reason: `a source could not be checked, so the OSAID ${osaid.definition.version} verdict of ${report.model.id} is unknown` }
    : {
        code: EXIT.belowMinClass,
        reason: `the OSAID ${osaid.definition.version} verdict of ${report.model.id} needs a reviewer's judgement; the gate passes only on "meets"`,
      };
}

/**
 * The exit code: bad input first, then a failed source (with `--fail-on-unknown`, one that left a component
 * unknown, since the class may rise once it answers), then a class below `--min-class` or, with `--framework osaid`,
 * a release that does not meet OSAID.
 */
export function auditExitCode(entries: readonly AuditEntry[], request: Pick<AuditRequest, "min" | "failOnUnknown" | "framework">): number {
  const errors = entries.flatMap(({ outcome }) => (outcome.ok ? [] : [outcome.error.code]));
  if (errors.some((c) => c === "bad_input" || c === "not_found")) {
    return EXIT.badInput;
  }
  const reports = entries.flatMap(({ outcome }) => (outcome.ok ? [outcome.report] : []));
  const osaid = request.framework === "osaid" ? reports.flatMap((r) => osaidGate(r) ?? []) : [];
  if (errors.length > 0 || (request.failOnUnknown && reports.some((r) => r.provisional)) || osaid.some((g) => g.code === EXIT.upstreamFailure)) {
    return EXIT.upstreamFailure;
  }
  return reports.some((r) => belowMinClass(r.class, request.min)) || osaid.length > 0 ? EXIT.belowMinClass : EXIT.ok;
}

/** `mofscope audit`: fetches the evidence for each URL (or reads each release folder) and grades it. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = await parseAuditArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return EXIT.badInput;
  }
  const { request } = parsed;
  const entries = await runAudits(request);
  io.stdout.write(request.format.render(entries, { env: io.env, against: request.against?.file ?? "" }));
  if (request.format.file) {
    // a file format has no room for an error: it goes to stderr, as the table would show it
    io.stderr.write(renderText(entries.filter((e) => !e.outcome.ok)));
  }
  return auditExitCode(entries, request);
}
