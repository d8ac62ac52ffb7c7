import { type ExportFormat, exportReport } from "@/lib/aibom";
import { motRecordYaml } from "@/lib/report/mot-record";
import type { AuditEntry } from "./audit-entry";
import { renderJson, renderText } from "./audit-render";
import { renderMarkdown } from "./render-markdown";
import { reportPageUrl } from "./report-url";

export interface RenderContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The record file given to `--against`, named in the claims section. */
  readonly against: string;
}

export interface AuditFormat {
  readonly render: (entries: readonly AuditEntry[], ctx: RenderContext) => string;
  /** True when the output is one document for one model (a MOT record is one file). */
  readonly single?: boolean;
  /** True for a file format: a failed audit writes no file, only its error on stderr. */
  readonly file?: boolean;
}

// a failed audit has no record to write: its error, as a YAML comment, and the exit code say why
function motEntry({ input, outcome, onPublish }: AuditEntry): string {
  if (outcome.ok) {
    return motRecordYaml(outcome.report, onPublish);
  }
  return `# mofscope could not audit ${input.replace(/[\p{Cc}]+/gu, " ")}: ${outcome.error.code}: ${outcome.error.message.replace(/[\p{Cc}]+/gu, " ")}\n`;
}

// a file format writes one report; a failed audit writes nothing, its error goes to stderr and the exit code says why
function exportEntry(format: ExportFormat): AuditFormat["render"] {
  return (entries, ctx) =>
    entries.map(({ outcome }) => (outcome.ok ? exportReport(outcome.report, format, { pageUrl: reportPageUrl(outcome.report, ctx.env) }).body : "")).join("");
}

const text: AuditFormat = { render: (entries, ctx) => renderText(entries, ctx.against) };

/** `mofscope audit --format NAME`: each output format and its renderer. */
export const AUDIT_FORMATS: Readonly<Record<string, AuditFormat>> = {
  table: text,
  // the report JSON of report.json and the API (with its OSAID verdict); `--json` keeps its array of entries
  json: { render: exportEntry("json"), single: true, file: true },
  cyclonedx: { render: exportEntry("cyclonedx"), single: true, file: true },
  spdx: { render: exportEntry("spdx"), single: true, file: true },
  markdown: { render: (entries, ctx) => renderMarkdown(entries, ctx.env) },
  yaml: { render: exportEntry("yaml"), single: true, file: true },
  mot: { render: (entries) => entries.map(motEntry).join(""), single: true },
  text,
};

const JSON_ENTRIES: AuditFormat = { render: (entries) => renderJson(entries) };

/** The format `--format` (or `--json`) names, or why it cannot be used. */
export function pickFormat(name: string | undefined, json: boolean): { ok: true; name: string; format: AuditFormat } | { ok: false; message: string } {
  if (json) {
    return name === undefined
      ? { ok: true, name: "json", format: JSON_ENTRIES }
      : { ok: false, message: "--json cannot be combined with --format; give one of them" };
  }
  const chosen = name ?? "table";
  const format = Object.hasOwn(AUDIT_FORMATS, chosen) ? AUDIT_FORMATS[chosen] : undefined;
  if (format === undefined) {
    return { ok: false, message: `--format takes ${Object.keys(AUDIT_FORMATS).join(", ")}` };
  }
  return { ok: true, name: chosen, format };
}
