import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "@/lib/db";
import type { RecordError } from "@/lib/mof";
import { modelsPath, readManifest } from "./manifest";
import { type RegistryRecord, recordRow } from "./record-row";

export interface LoadResult {
  commit: string;
  /** Files read and classified on this call (0 when the table already matched the manifest). */
  classified: number;
  removed: number;
  unchanged: number;
  /** Vendored files that do not parse; they are left out of the table. */
  skipped: { file: string; errors: readonly RecordError[] }[];
  ms: number;
}

const toColumns = (row: RegistryRecord) => ({
  file: row.file,
  name: row.name,
  blob_sha: row.blobSha,
  producer: row.producer,
  date: row.date,
  class: row.class,
  progress_json: JSON.stringify(row.progress),
  total_progress: row.totalProgress,
  hf_id: row.hfId,
  github_repo: row.githubRepo,
  licenses: JSON.stringify(row.licenses),
  statuses: JSON.stringify(row.statuses),
  yaml: row.yaml,
});

/**
 * Brings registry_records in line with `<dir>/manifest.json`, classifying only files whose blob sha changed. The
 * files are classified first and written in one transaction after, so no transaction waits on the engine.
 */
export async function loadRegistry({ db }: Database, dir: string, clock: () => number = performance.now.bind(performance)): Promise<LoadResult> {
  const started = clock();
  const manifest = readManifest(dir);
  const stored = new Map((await db.selectFrom("registry_records").select(["file", "blob_sha"]).execute()).map((r) => [r.file, r.blob_sha]));
  const commit = (await db.selectFrom("registry_meta").select("value").where("key", "=", "commit").executeTakeFirst())?.value;
  const stale = Object.entries(manifest.files).filter(([file, sha]) => stored.get(file) !== sha);
  const gone = [...stored.keys()].filter((file) => manifest.files[file] === undefined);
  const result: LoadResult = { commit: manifest.commit, classified: 0, removed: gone.length, unchanged: stored.size - gone.length, skipped: [], ms: 0 };
  if (commit === manifest.commit && stale.length === 0 && gone.length === 0) {
    return { ...result, ms: clock() - started };
  }
  const rows: RegistryRecord[] = [];
  const remove = [...gone];
  for (const [file, sha] of stale) {
    const parsed = recordRow(file, sha, readFileSync(join(modelsPath(dir), file), "utf8"));
    if (parsed.ok) {
      rows.push(parsed.row);
    } else {
      result.skipped.push({ file, errors: parsed.errors });
      remove.push(file);
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { file: _file, ...update } = toColumns(row);
      await trx
        .insertInto("registry_records")
        .values(toColumns(row))
        .onConflict((conflict) => conflict.column("file").doUpdateSet(update))
        .execute();
    }
    if (remove.length > 0) {
      await trx.deleteFrom("registry_records").where("file", "in", remove).execute();
    }
    for (const [key, value] of Object.entries({ commit: manifest.commit, synced_at: manifest.syncedAt })) {
      await trx
        .insertInto("registry_meta")
        .values({ key, value })
        .onConflict((conflict) => conflict.column("key").doUpdateSet({ value }))
        .execute();
    }
  });
  result.classified = rows.length;
  result.unchanged = Object.keys(manifest.files).length - stale.length;
  return { ...result, ms: clock() - started };
}
