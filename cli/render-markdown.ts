import { frameworksMarkdown } from "@/lib/frameworks/report-json";
import type { AuditEntry } from "./audit-entry";
import { PROJECT_URL, reportPageUrl } from "./report-url";

// notes come from our own rules, but a dataset id from the card is in them: keep them on one line, as text
const line = (text: string) => text.replace(/[\r\n]+/g, " ").replace(/</g, "&lt;");

/** One entry as Markdown: the report's summary, then what changes once a release folder is published. */
export function entryMarkdown(entry: AuditEntry, env: Readonly<Record<string, string | undefined>>): string {
  const { outcome, onPublish } = entry;
  if (!outcome.ok) {
    return `## MOF openness: ${line(entry.input)}\n\nError (${outcome.error.code}): ${line(outcome.error.message)}\n`;
  }
  const summary = frameworksMarkdown(outcome.report, reportPageUrl(outcome.report, env) ?? PROJECT_URL);
  if (onPublish.length === 0) {
    return summary;
  }
  return `${summary}\nOnce published:\n\n${onPublish.map((n) => `- ${n.component ? `${line(n.component)}: ` : ""}${line(n.note)}`).join("\n")}\n`;
}

/** The `--format markdown` output: one summary per input. */
export function renderMarkdown(entries: readonly AuditEntry[], env: Readonly<Record<string, string | undefined>>): string {
  return entries.map((e) => entryMarkdown(e, env)).join("\n");
}
