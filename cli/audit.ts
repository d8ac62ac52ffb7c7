import { parseArgs } from "node:util";
import type { AuditOutcome } from "@/lib/audit";
import { auditModel } from "@/lib/audit";
import { compareClaims } from "@/lib/claims";
import type { MofRecord } from "@/lib/mof";
import { CLASS_ROMAN } from "@/lib/mof";
import { derivationSentence, onlyInBaseSentence } from "@/lib/report/derivation-text";
import type { Report } from "@/lib/report/schema";
import { readClaimRecord, renderClaims } from "./against";
import type { CliIo } from "./io";
import { belowMinClass, EXIT, parseMinClass, USAGE } from "./io";
import { formatPercent, textTable } from "./table";

function toJson(input: string, outcome: AuditOutcome): Record<string, unknown> {
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
    warnings: r.warnings,
    failures: r.failures,
    requests: r.requests,
  };
}

function render(input: string, outcome: AuditOutcome): string {
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
  const failures = r.failures.map((f) => `  ! ${f.source} ${f.kind}: ${f.url}`).join("\n");
  const derived = r.derivedFrom ? `\n${[derivationSentence(r.derivedFrom), onlyInBaseSentence(r.derivedFrom)].filter(Boolean).join(" ")}\n` : "";
  return `${input} → ${r.model.id}${r.model.sha ? `@${r.model.sha.slice(0, 10)}` : ""}: ${r.label}${flags ? ` (${flags})` : ""}\n${progress} · ${r.requests} upstream requests\n\n${table}\n${derived}${next}${failures ? `\nFailed sources:\n${failures}\n` : ""}`;
}

function exitCode(outcomes: readonly AuditOutcome[], min: number | null): number {
  const errors = outcomes.flatMap((o) => (o.ok ? [] : [o.error.code]));
  if (errors.some((c) => c === "bad_input" || c === "not_found")) {
    return EXIT.badInput;
  }
  if (errors.length > 0) {
    return EXIT.upstreamFailure;
  }
  return outcomes.some((o) => o.ok && belowMinClass(o.report.class, min)) ? EXIT.belowMinClass : EXIT.ok;
}

/** `mofscope audit`: fetches the evidence for each URL and grades it. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean" }, "min-class": { type: "string" }, "no-cache": { type: "boolean" }, against: { type: "string" } },
  });
  const min = parseMinClass(values["min-class"]);
  if (positionals.length === 0 || min === "invalid") {
    io.stderr.write(min === "invalid" ? "--min-class takes 1, 2 or 3\n" : `audit needs at least one URL\n\n${USAGE}`);
    return EXIT.badInput;
  }
  let claimed: MofRecord | null = null;
  if (values.against !== undefined) {
    const loaded =
      positionals.length === 1 ? await readClaimRecord(values.against) : { ok: false as const, message: "--against compares one URL with one record" };
    if (!loaded.ok) {
      io.stderr.write(`${loaded.message}\n`);
      return EXIT.badInput;
    }
    claimed = loaded.record;
  }
  const outcomes = await Promise.all(positionals.map((input) => auditModel(input, { noCache: values["no-cache"] === true })));
  const claims = (o: AuditOutcome) => (claimed !== null && o.ok ? compareClaims(claimed, o.report) : null);
  if (values.json) {
    const entries = outcomes.map((o, i) => {
      const c = claims(o);
      return { ...toJson(positionals[i] ?? "", o), ...(c ? { claims: c } : {}) };
    });
    io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    io.stdout.write(
      outcomes
        .map((o, i) => {
          const c = claims(o);
          return render(positionals[i] ?? "", o) + (c ? renderClaims(values.against ?? "", c) : "");
        })
        .join("\n"),
    );
  }
  return exitCode(outcomes, min);
}
