import { cell } from "@/lib/report/markdown";
import type { Osaid, OsaidStatus } from "./schema";

const WORDS: Record<OsaidStatus, string> = { meets: "✓ meets", fails: "✗ fails", unknown: "? unknown" };

/** The verdict in words, with what keeps an unknown one open: "unknown (judgement)". */
export function verdictText(osaid: Pick<Osaid, "verdict" | "unknownKinds">): string {
  return osaid.verdict === "unknown" && osaid.unknownKinds.length > 0 ? `unknown (${osaid.unknownKinds.join(", ")})` : osaid.verdict;
}

/** The OSAID section of the Markdown export: verdict, one row per requirement, and where MOF disagrees. */
export function osaidMarkdown(osaid: Osaid): string {
  const lines = [
    `### Open Source AI Definition ${osaid.definition.version}: **${verdictText(osaid)}**`,
    "",
    cell(osaid.reason),
    "",
    "| Requirement | Status | MOF components | Reason |",
    "|---|---|---|---|",
    ...osaid.requirements.map(
      (r) =>
        `| ${cell(r.name)} | ${WORDS[r.status]}${r.unknownKind ? ` (${r.unknownKind})` : ""} | ${cell(r.components.map((c) => c.name).join(", "))} | ${cell(r.reason)} |`,
    ),
    "",
  ];
  if (osaid.disagreements.length > 0) {
    lines.push("Where MOF and OSAID disagree:", "", ...osaid.disagreements.map((d) => `- ${cell(d.text)}`), "");
  }
  lines.push(`Definition: ${osaid.definition.url} · checklist: ${osaid.definition.checklist}`, "");
  return lines.join("\n");
}
