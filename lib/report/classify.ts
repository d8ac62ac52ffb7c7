import type { RecordError } from "@/lib/mof";
import { MAX_YAML_BYTES, parseMofYaml } from "@/lib/mof";
import { reportFromRecord } from "./from-assessment";
import type { Report } from "./schema";

export type ClassifyResult = { ok: true; report: Report } | { ok: false; errors: RecordError[] };

/** Classifies pasted or uploaded MOT YAML into an unsaved report (source "yaml", empty id). */
export function classifyYaml(text: string, input: string, now: Date = new Date()): ClassifyResult {
  if (Buffer.byteLength(text, "utf8") > MAX_YAML_BYTES) {
    return { ok: false, errors: [{ path: "", line: null, column: null, message: `the file is larger than ${MAX_YAML_BYTES / 1024} KB` }] };
  }
  const parsed = parseMofYaml(text);
  if (!parsed.ok) {
    return { ok: false, errors: [...parsed.errors] };
  }
  const release = parsed.record.release;
  const url = [release.huggingface, release.repository].find((u): u is string => typeof u === "string" && /^https?:\/\//.test(u)) ?? null;
  const report = reportFromRecord(parsed.record, {
    id: "",
    input,
    model: { source: "yaml", id: release.name, revision: null, sha: null, url },
    fetchedAt: now.toISOString(),
    gated: false,
    failures: [],
    requests: 0,
    findings: new Map(),
  });
  return { ok: true, report };
}
