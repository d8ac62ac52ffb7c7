import type { PublishNote } from "@/lib/evidence";
import { CLASS_ROMAN, toMofYaml } from "@/lib/mof";
import type { Report, ReportComponent } from "./schema";

/** Where MOT takes new records: a pull request adding `models/<name>.yml`. */
export const MOT_REPOSITORY = "https://github.com/lfai/model_openness_tool";

// release fields MOT shows that no evidence rule reads; the producer states them
const UNSTATED = ["version", "type", "architecture", "treatment", "origin", "contact"] as const;

// a comment is one line of plain text, whatever a card or an upstream put in it, so it can never become YAML
function comment(text: string): string {
  const flat = text.replace(/[\s\p{Cc}\u2028\u2029]+/gu, " ").trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
}

function where(c: ReportComponent): string {
  return `${c.name}, Class ${CLASS_ROMAN[c.class]}${c.required ? "" : " (optional)"}`;
}

// a folder's own path stays on the producer's machine: the record names the folder, its paths are relative to it
function evidenceLine(report: Report): string {
  if (report.model.source === "local") {
    return `Evidence: the release folder ${comment(report.model.id)}; component and licence paths are relative to it.`;
  }
  return `Evidence: ${comment(report.model.url ?? report.input)}`;
}

function listed(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [title, ...lines.map((l) => `  - ${comment(l)}`)];
}

/** The header's lines: what was found, what was not (to be filled in, never claimed), and how to submit. */
function headerLines(report: Report, onPublish: readonly PublishNote[]): string[] {
  const release = report.record.release;
  const notFound = report.components
    .filter((c) => c.status === "missing" || c.status === "unknown")
    .map((c) =>
      c.status === "unknown" ? `${where(c)}: not checked, a source failed (${comment(c.unknownBecause[0] ?? "unknown")})` : `${where(c)}: not found`,
    );
  const unlicensed = report.components.filter((c) => c.status === "unlicensed").map((c) => `${where(c)}: found, but no licence could be read`);
  const notOpen = report.components
    .filter((c) => c.status === "invalid")
    .map((c) => `${where(c)}: licence ${c.license ?? ""} is not open, so it does not count`);
  const unstated = [...UNSTATED.filter((k) => release[k] === undefined || release[k] === ""), ...(release.producer ? [] : ["producer"])];
  return [
    `MOT record for ${comment(report.model.id)}, written by mofscope from the evidence it found on ${comment(release.date ?? report.fetchedAt.slice(0, 10))}.`,
    evidenceLine(report),
    `mofscope grades it ${comment(report.label)}${report.provisional ? " (provisional: some sources failed)" : ""}; MOT grades this file the same.`,
    "Every component below was found, with its licence and the file or link that shows it.",
    "",
    ...listed("mofscope could not find these. Add one only if the release has it, with its licence and path:", notFound),
    ...listed("Check these licences:", [...unlicensed, ...notOpen]),
    ...listed("Fill in what no evidence shows (release fields):", unstated.length > 0 ? [unstated.join(", ")] : []),
    ...listed(
      "Once published, this changes:",
      onPublish.map((n) => (n.component ? `${n.component}: ${n.note}` : n.note)),
    ),
    `To submit: save as models/${comment(release.name)}.yml in a fork of ${MOT_REPOSITORY} and open a pull request.`,
  ];
}

/**
 * A report's record as a MOT YAML file ready to submit: the components the evidence found (each with its licence,
 * licence path and component path), dated, under a comment header naming what mofscope could not find, so the
 * producer fills it in rather than claims it. A record that was not audited (MOT's own, or pasted YAML) is written
 * as it is.
 */
export function motRecordYaml(report: Report, onPublish: readonly PublishNote[] = []): string {
  const yaml = toMofYaml(report.record);
  if (report.model.source === "mot" || report.model.source === "yaml") {
    return yaml;
  }
  const header = headerLines(report, onPublish).map((line) => (line === "" ? "#" : `# ${line}`));
  return `${header.join("\n")}\n${yaml}`;
}
