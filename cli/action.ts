import { appendFile } from "node:fs/promises";
import { CLASS_ROMAN } from "@/lib/mof";
import { type AuditRequest, auditExitCode, osaidGate, parseAuditArgs, runAudits } from "./audit";
import type { AuditEntry } from "./audit-entry";
import type { CliIo } from "./io";
import { EXIT } from "./io";
import { entryMarkdown } from "./render-markdown";
import { reportPageUrl } from "./report-url";

type Env = Readonly<Record<string, string | undefined>>;

/** The `framework` input: the audit flags each framework needs. */
const FRAMEWORKS: Readonly<Record<string, readonly string[]>> = {
  mof: [],
  osaid: ["--framework", "osaid"],
};

/** The action's inputs, as action.yml hands them over in the environment. */
function inputs(env: Env) {
  const value = (name: string) => env[`MOFSCOPE_${name}`]?.trim() ?? "";
  return {
    model: value("MODEL"),
    minClass: value("MIN_CLASS"),
    framework: value("FRAMEWORK") || "mof",
    format: value("FORMAT") || "text",
    failOnUnknown: value("FAIL_ON_UNKNOWN") === "true",
  };
}

/** The `mofscope audit` command line the inputs ask for, or why they cannot be honoured. */
export function actionArgv(env: Env): { ok: true; argv: string[] } | { ok: false; message: string } {
  const given = inputs(env);
  const framework = Object.hasOwn(FRAMEWORKS, given.framework) ? FRAMEWORKS[given.framework] : undefined;
  if (given.model === "") {
    return { ok: false, message: "the model input is empty: give a Hugging Face or GitHub URL, a model id, or a release folder" };
  }
  if (framework === undefined) {
    return { ok: false, message: `framework takes one of ${Object.keys(FRAMEWORKS).join(", ")}, not "${given.framework.slice(0, 40)}"` };
  }
  return {
    ok: true,
    argv: [
      given.model,
      "--format",
      given.format,
      ...(given.minClass ? ["--min-class", given.minClass] : []),
      ...(given.failOnUnknown ? ["--fail-on-unknown"] : []),
      ...framework,
    ],
  };
}

/** The report's page: on MOFSCOPE_PUBLIC_URL's server, else this workflow run, whose summary holds the report. */
function reportUrl(entry: AuditEntry, env: Env): string {
  const page = entry.outcome.ok ? reportPageUrl(entry.outcome.report, env) : null;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return page ?? (server && repo && run ? `${server}/${repo}/actions/runs/${run}` : "");
}

// step outputs are `name=value` lines; values here are numbers, JSON and URLs, never multi-line
function outputLines(entry: AuditEntry, env: Env): string {
  if (!entry.outcome.ok) {
    return "";
  }
  const { report } = entry.outcome;
  const outputs = { class: String(report.class), progress: JSON.stringify(report.progress), "report-url": reportUrl(entry, env) };
  return Object.entries(outputs)
    .map(([name, value]) => `${name}=${value.replace(/[\r\n]+/g, " ")}\n`)
    .join("");
}

function gateLine(entry: AuditEntry, code: number, minClass: string, framework: AuditRequest["framework"]): string {
  const min = /^[123]$/.test(minClass) ? `Class ${CLASS_ROMAN[Number(minClass) as 1 | 2 | 3]}` : null;
  const osaid = framework === "osaid" && entry.outcome.ok ? osaidGate(entry.outcome.report) : null;
  if (osaid !== null && osaid.code === code) {
    return `failed: ${osaid.reason}`;
  }
  if (framework === "osaid" && code === EXIT.ok) {
    return `passed (meets OSAID${min ? `, at least ${min}` : ""})`;
  }
  const reasons: Record<number, string> = {
    [EXIT.ok]: min ? `passed (at least ${min})` : "no minimum class set",
    [EXIT.belowMinClass]: `failed: ${entry.outcome.ok ? entry.outcome.report.label : ""} is below ${min ?? "the minimum"}`,
    [EXIT.badInput]: `failed: ${entry.outcome.ok ? "bad input" : entry.outcome.error.message}`,
    [EXIT.upstreamFailure]: entry.outcome.ok
      ? "failed: a source could not be checked, so a component is unknown (fail-on-unknown)"
      : `failed: ${entry.outcome.error.message}`,
  };
  return reasons[code] ?? `failed (exit ${code})`;
}

// workflow commands end at a newline and read % escapes, so the message is escaped as GitHub documents
const commandText = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * `mofscope action`: what the GitHub Action (action.yml) runs. Reads its inputs from MOFSCOPE_* variables, audits
 * the model, prints the report in the chosen format, writes the step outputs (class, progress, report-url) and a
 * Markdown job summary, and exits as `mofscope audit` would, so the step fails below the minimum class.
 */
export async function actionCommand(io: CliIo): Promise<number> {
  const argv = actionArgv(io.env);
  const parsed = argv.ok ? await parseAuditArgs(argv.argv) : argv;
  if (!parsed.ok) {
    io.stdout.write(`::error title=mofscope::${commandText(parsed.message)}\n`);
    return EXIT.badInput;
  }
  const { request } = parsed;
  const [entry] = await runAudits(request);
  if (entry === undefined) {
    return EXIT.badInput;
  }
  io.stdout.write(request.format.render([entry], { env: io.env, against: "" }));
  const code = auditExitCode([entry], request);
  const gate = gateLine(entry, code, inputs(io.env).minClass, request.framework);
  if (io.env.GITHUB_OUTPUT) {
    await appendFile(io.env.GITHUB_OUTPUT, outputLines(entry, io.env));
  }
  if (io.env.GITHUB_STEP_SUMMARY) {
    await appendFile(io.env.GITHUB_STEP_SUMMARY, `${entryMarkdown(entry, io.env)}\n**Gate:** ${gate}\n`);
  }
  if (code !== EXIT.ok) {
    io.stdout.write(`::error title=mofscope::${commandText(gate)}\n`);
  }
  return code;
}
