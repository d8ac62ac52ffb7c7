import { osaidOf } from "@/lib/frameworks/osaid";
import { verdictText } from "@/lib/frameworks/osaid/markdown";
import { CLASS_ROMAN } from "@/lib/mof";
import { derivationSentence, onlyInBaseSentence } from "@/lib/report/derivation-text";
import type { Report } from "@/lib/report/schema";
import { renderClaims } from "./against";
import type { AuditEntry } from "./audit-entry";
import { formatPercent, textTable } from "./table";

function toJson({ input, outcome, claims, onPublish, folder }: AuditEntry): Record<string, unknown> {
  if (!outcome.ok) {
    return { input, error: { code: outcome.error.code, message: outcome.error.message } };
  }
  const r = outcome.report;
  return {
    input,
    model: { source: r.model.source, id: r.model.id, revision: r.model.revision, sha: r.model.sha },
    class: r.class,
    progress: r.progress,
    provisional: r.provisional,
    gated: r.gated,
    components: r.components.map((c) => ({
      name: c.name,
      status: c.status,
      license: c.license,
      licenses: c.licenses,
      evidence: c.evidence,
      ...(c.unknownBecause.length > 0 ? { unknownBecause: c.unknownBecause } : {}),
      ...(c.nextStep ? { nextStep: c.nextStep } : {}),
    })),
    next: r.next,
    derivedFrom: r.derivedFrom,
    osaid: osaidOf(r),
    warnings: r.warnings,
    failures: r.failures,
    requests: r.requests,
    ...(folder ? { onPublish } : {}),
    ...(claims ? { claims } : {}),
  };
}

/** The `--json` output: one array, an object per input. */
export function renderJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries.map(toJson), null, 2)}\n`;
}

function renderOne({ input, outcome, claims, onPublish }: AuditEntry, againstFile: string): string {
  if (!outcome.ok) {
    return `${input}\n  error (${outcome.error.code}): ${outcome.error.message}\n`;
  }
  const r: Report = outcome.report;
  const flags = [r.provisional ? "PROVISIONAL: some sources failed" : "", r.gated ? "gated repository" : ""].filter(Boolean).join("; ");
  const progress = ([3, 2, 1] as const).map((c) => `Class ${CLASS_ROMAN[c]} ${formatPercent(r.progress[c])}`).join(" · ");
  const table = textTable(
    ["component", "status", "license", "evidence"],
    r.components.map((c) => [
      c.name,
      c.status,
      c.license ?? "",
      (c.status === "unknown" ? `unknown: ${c.unknownBecause[0] ?? ""}` : c.nextStep ? `fix: ${c.nextStep.fix}` : (c.evidence[0]?.what ?? "")).slice(0, 90),
    ]),
  );
  const next = r.next
    ? `\nFor Class ${CLASS_ROMAN[r.next.class]}:\n${r.next.items.map((i) => `  - ${i.name} (${i.status})${i.fix ? `: ${i.fix}` : ""}`).join("\n")}\n`
    : "";
  const derived = r.derivedFrom ? `\n${[derivationSentence(r.derivedFrom), onlyInBaseSentence(r.derivedFrom)].filter(Boolean).join(" ")}\n` : "";
  const failures = r.failures.map((f) => `  ! ${f.source} ${f.kind}: ${f.url}`).join("\n");
  const osaid = osaidOf(r);
  const published = onPublish.map((n) => `  ~ ${n.component ? `${n.component}: ` : ""}${n.note}`).join("\n");
  return `${input} → ${r.model.id}${r.model.sha ? `@${r.model.sha.slice(0, 10)}` : ""}: ${r.label}${flags ? ` (${flags})` : ""}\n${progress} · ${r.requests} upstream requests\nOSAID ${osaid.definition.version}: ${verdictText(osaid)}. ${osaid.reason}\n\n${table}\n${derived}${next}${failures ? `\nFailed sources:\n${failures}\n` : ""}${published ? `\nOnce published:\n${published}\n` : ""}${claims ? renderClaims(againstFile, claims) : ""}`;
}

/** The default output: a table per input, then what is missing for the next class and which sources failed. */
export function renderText(entries: readonly AuditEntry[], againstFile = ""): string {
  return entries.map((e) => renderOne(e, againstFile)).join("\n");
}
