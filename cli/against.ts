import { readFile } from "node:fs/promises";
import type { ClaimComparison } from "@/lib/claims";
import type { MofRecord } from "@/lib/mof";
import { parseMofYaml } from "@/lib/mof";
import { textTable } from "./table";

/** Reads and validates the MOT record given to `--against`; the message says why it cannot be used. */
export async function readClaimRecord(file: string): Promise<{ ok: true; record: MofRecord } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return { ok: false, message: `${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? "EIO"})` };
  }
  const parsed = parseMofYaml(text);
  if (!parsed.ok) {
    const first = parsed.errors.map((e) => `${[e.path, e.line === null ? "" : `line ${e.line}`].filter(Boolean).join(", ")}: ${e.message}`);
    return { ok: false, message: `${file}: not a valid MOT record: ${first.join("; ")}` };
  }
  return { ok: true, record: parsed.record };
}

const VERDICT_TEXT: Record<ClaimComparison["components"][number]["verdict"], string> = {
  claimed_and_found: "agree",
  license_differs: "licence differs",
  claimed_not_found: "claimed, not found",
  found_not_claimed: "found, not claimed",
  claimed_unknown: "claimed, unchecked",
  unclaimed_unknown: "unchecked",
  agree_missing: "both missing",
};

/** The comparison as the audit's text output continues it: classes, a table, then the sentences for the producer. */
export function renderClaims(file: string, c: ClaimComparison): string {
  const table = textTable(
    ["component", "record claims", "we found", "verdict"],
    c.components.map((x) => [
      x.name,
      x.claimed.listed ? `${x.claimed.status} ${x.claimed.license ?? ""}`.trim() : "not listed",
      `${x.found.status} ${x.found.license ?? ""}`.trim(),
      VERDICT_TEXT[x.verdict],
    ]),
  );
  const lines = [...c.disagreements.map((d) => `  - ${d}`), ...c.unchecked.map((u) => `  ? ${u}`)].join("\n");
  return `\nClaims of ${file} (${c.record}): record gives ${c.classes.claimedLabel}, evidence gives ${c.classes.foundLabel}\n\n${table}\n${lines ? `\n${lines}\n` : ""}`;
}
