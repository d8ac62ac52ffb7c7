import { snapshotId } from "@/lib/db/snapshot-id";
import { parseMofYaml } from "@/lib/mof";
import { reportFromRecord } from "@/lib/report/from-assessment";
import type { Report } from "@/lib/report/schema";
import { MODELS_FOLDER, MOT_REPO } from "./manifest";
import type { RegistryRecord } from "./record-row";
import type { RegistryStore } from "./store";

/** Where a vendored record lives upstream, at the synced commit. */
export function recordUrl(file: string, commit: string): string {
  return `https://github.com/${MOT_REPO}/blob/${commit}/${MODELS_FOLDER}/${encodeURIComponent(file)}`;
}

/** The report of a registry record: what its producer self-reported to MOT (`model.source` "mot"), graded by mofscope's engine. */
export function reportFromRegistry(row: RegistryRecord, source: { commit: string; syncedAt: string }): Report {
  const parsed = parseMofYaml(row.yaml);
  if (!parsed.ok) {
    throw new Error(`${row.file} no longer parses: ${parsed.errors[0]?.message ?? "invalid record"}`);
  }
  return reportFromRecord(parsed.record, {
    id: snapshotId("mot", row.blobSha),
    input: row.name,
    model: { source: "mot", id: row.name, revision: source.commit, sha: row.blobSha, url: recordUrl(row.file, source.commit) },
    fetchedAt: source.syncedAt,
    gated: false,
    failures: [],
    requests: 0,
    findings: new Map(),
  });
}

/** The self-reported report of the record named `name` (case-insensitive, as MOT matches names); null when none. */
export async function registryReport(store: RegistryStore, name: string): Promise<Report | null> {
  const [row, source] = await Promise.all([store.byName(name), store.source()]);
  return row && source ? reportFromRegistry(row, source) : null;
}
