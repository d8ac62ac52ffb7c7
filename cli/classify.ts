import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { MofAssessment, RecordError } from "@/lib/mof";
import { assess, CLASS_LABELS, CLASS_ROMAN, parseMofYaml } from "@/lib/mof";
import type { CliIo } from "./io";
import { belowMinClass, EXIT, parseMinClass, USAGE } from "./io";
import { formatPercent, textTable } from "./table";

interface ClassifyEntry {
  file: string;
  name?: string;
  class?: number;
  progress?: { "1": number; "2": number; "3": number };
  components?: { name: string; status: string; license: string | null }[];
  warnings?: { code: string; path: string; message: string }[];
  error?: string;
}

async function classifyFile(file: string): Promise<{ entry: ClassifyEntry; result?: MofAssessment }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EIO";
    return { entry: { file, error: `cannot read file (${code})` } };
  }
  const parsed = parseMofYaml(text);
  if (!parsed.ok) {
    return { entry: { file, error: parsed.errors.map(describeError).join("; ") } };
  }
  const result = assess(parsed.record);
  return {
    result,
    entry: {
      file,
      name: result.name,
      class: result.class,
      progress: { "1": result.progress[1], "2": result.progress[2], "3": result.progress[3] },
      components: result.components.map((c) => ({ name: c.name, status: c.status, license: c.license })),
      warnings: result.warnings.map(({ code, path, message }) => ({ code, path, message })),
    },
  };
}

function describeError(error: RecordError): string {
  const where = [error.path, error.line === null ? "" : `line ${error.line}`].filter(Boolean).join(", ");
  return where ? `${where}: ${error.message}` : error.message;
}

function render(entry: ClassifyEntry, result: MofAssessment | undefined): string {
  if (result === undefined) {
    return `${entry.file}\n  error: ${entry.error}\n`;
  }
  const progress = ([3, 2, 1] as const).map((c) => `Class ${CLASS_ROMAN[c]} ${formatPercent(result.progress[c])}`).join(" · ");
  const table = textTable(
    ["component", "class", "status", "license"],
    result.components.map((c) => [
      c.name,
      `${CLASS_ROMAN[c.class]}${c.required ? "" : " (opt.)"}`,
      c.substitutedBy ? `${c.status} (paper stands in)` : c.status,
      c.license ?? "",
    ]),
  );
  const next = result.next ? `\nFor ${CLASS_LABELS[result.next.class]}: ${result.next.items.map((i) => `${i.name} (${i.status})`).join(", ")}\n` : "";
  const warnings = result.warnings.map((w) => `  ! ${w.path}: ${w.message}`).join("\n");
  return `${entry.file}: ${result.name} — ${result.label}\n${progress}\n\n${table}\n${next}${warnings ? `\nWarnings:\n${warnings}\n` : ""}`;
}

/** `mofscope classify`: classifies MOT YAML records offline with the MOF engine. */
export async function classifyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" }, "min-class": { type: "string" } } });
  const min = parseMinClass(values["min-class"]);
  if (positionals.length === 0 || min === "invalid") {
    io.stderr.write(min === "invalid" ? "--min-class takes 1, 2 or 3\n" : `classify needs at least one file\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const outcomes = await Promise.all(positionals.map(classifyFile));
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(
        outcomes.map((o) => o.entry),
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout.write(outcomes.map((o) => render(o.entry, o.result)).join("\n"));
  }
  if (outcomes.some((o) => o.entry.error !== undefined)) {
    return EXIT.badInput;
  }
  return outcomes.some((o) => belowMinClass(o.entry.class ?? 0, min)) ? EXIT.belowMinClass : EXIT.ok;
}
