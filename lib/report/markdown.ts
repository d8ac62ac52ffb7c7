import { CLASS_NAMES } from "@/lib/mof/components";
import { derivationSentence, onlyInBaseSentence } from "./derivation-text";
import { classTitle, formatPercent, formatTime, statusView } from "./display";
import type { Report } from "./schema";

/** Text safe in a Markdown table cell: a pipe or newline would break the row, and markup must not render. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "&lt;");
}

/** A Markdown summary of a report, for issues, READMEs and papers; `sections` (other frameworks) go before the footer. */
export function reportMarkdown(report: Report, pageUrl: string, sections: readonly string[] = []): string {
  const grade = report.class === 0 ? "Unclassified" : `${classTitle(report.class)} (${CLASS_NAMES[report.class]})`;
  const lines = [
    `## MOF openness: ${cell(report.model.id)}`,
    "",
    `**${grade}**${report.provisional ? " — provisional: some sources could not be checked" : ""}`,
    "",
    `Progress: Class III ${formatPercent(report.progress[3])} · Class II ${formatPercent(report.progress[2])} · Class I ${formatPercent(report.progress[1])}`,
    "",
    "| Component | Class | Status | Licence |",
    "|---|---|---|---|",
    ...[3, 2, 1].flatMap((cls) =>
      report.components
        .filter((c) => c.class === cls)
        .map((c) => `| ${cell(c.name)} | ${classTitle(c.class)} | ${statusView(c).icon} ${statusView(c).label} | ${c.license ? cell(c.license) : ""} |`),
    ),
    "",
  ];
  if (report.derivedFrom) {
    const only = onlyInBaseSentence(report.derivedFrom);
    lines.push(`${cell(derivationSentence(report.derivedFrom))}${only ? ` ${cell(only)}` : ""}`, "");
  }
  if (report.next) {
    lines.push(
      `Missing for ${classTitle(report.next.class)}:`,
      "",
      ...report.next.items.map((i) => `- **${cell(i.name)}** (${i.status})${i.fix ? `: ${cell(i.fix)}` : ""}`),
      "",
    );
  }
  lines.push(
    ...sections,
    // a report audited on the command line is never stored, so it has no snapshot to name
    `Audited ${formatTime(report.fetchedAt)}${report.model.sha ? ` at commit \`${report.model.sha.slice(0, 12)}\`` : ""} by [mofscope](${pageUrl})${report.id ? ` (snapshot \`${report.id}\`)` : ""}.`,
    "",
  );
  return lines.join("\n");
}
