import { motRecordYaml } from "@/lib/report/mot-record";
import type { AuditEntry } from "./audit-entry";
import { renderJson, renderText } from "./audit-render";
import { renderMarkdown } from "./render-markdown";

export interface RenderContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The record file given to `--against`, named in the claims section. */
  readonly against: string;
}

export interface AuditFormat {
  readonly render: (entries: readonly AuditEntry[], ctx: RenderContext) => string;
  /** True when the output is one document for one model (a MOT record is one file). */
  readonly single?: boolean;
}

// a failed audit has no record to write: its error, as a YAML comment, and the exit code say why
function motEntry({ input, outcome, onPublish }: AuditEntry): string {
  if (outcome.ok) {
    return motRecordYaml(outcome.report, onPublish);
  }
  return `# mofscope could not audit ${input.replace(/[\p{Cc}]+/gu, " ")}: ${outcome.error.code}: ${outcome.error.message.replace(/[\p{Cc}]+/gu, " ")}\n`;
}

/** `mofscope audit --format NAME`: each output format and its renderer. */
export const AUDIT_FORMATS: Readonly<Record<string, AuditFormat>> = {
  text: { render: (entries, ctx) => renderText(entries, ctx.against) },
  json: { render: (entries) => renderJson(entries) },
  markdown: { render: (entries, ctx) => renderMarkdown(entries, ctx.env) },
  mot: { render: (entries) => entries.map(motEntry).join(""), single: true },
};

/** The format `--format` (or `--json`) names, or why it cannot be used. */
export function pickFormat(name: string | undefined, json: boolean): { ok: true; name: string; format: AuditFormat } | { ok: false; message: string } {
  const chosen = name ?? (json ? "json" : "text");
  const format = Object.hasOwn(AUDIT_FORMATS, chosen) ? AUDIT_FORMATS[chosen] : undefined;
  if (format === undefined || (json && chosen !== "json")) {
    const names = Object.keys(AUDIT_FORMATS).join(", ");
    return { ok: false, message: format === undefined ? `--format takes one of ${names}` : "--json is --format json; give one of them" };
  }
  return { ok: true, name: chosen, format };
}
