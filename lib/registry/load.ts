import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "@/lib/db";
import type { RecordError } from "@/lib/mof";
import { modelsPath, readManifest } from "./manifest";
import { recordRow } from "./record-row";

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

/** Brings registry_records in line with `<dir>/manifest.json`, classifying only files whose blob sha changed. */
export function loadRegistry(db: Db, dir: string, clock: () => number = performance.now.bind(performance)): LoadResult {
  const started = clock();
  const manifest = readManifest(dir);
  const stored = new Map(
    db
      .prepare<[], { file: string; blob_sha: string }>("SELECT file, blob_sha FROM registry_records")
      .all()
      .map((r) => [r.file, r.blob_sha]),
  );
  const commit = db.prepare<[], { value: string }>("SELECT value FROM registry_meta WHERE key = 'commit'").get()?.value;
  const stale = Object.entries(manifest.files).filter(([file, sha]) => stored.get(file) !== sha);
  const gone = [...stored.keys()].filter((file) => manifest.files[file] === undefined);
  const result: LoadResult = { commit: manifest.commit, classified: 0, removed: gone.length, unchanged: stored.size - gone.length, skipped: [], ms: 0 };
  if (commit === manifest.commit && stale.length === 0 && gone.length === 0) {
    return { ...result, ms: clock() - started };
  }
  const upsert = db.prepare(
    `INSERT INTO registry_records (file, name, blob_sha, producer, date, class, progress_json, total_progress, hf_id, github_repo, licenses, statuses, yaml)
     VALUES (@file, @name, @blobSha, @producer, @date, @class, @progress, @totalProgress, @hfId, @githubRepo, @licenses, @statuses, @yaml)
     ON CONFLICT (file) DO UPDATE SET name = excluded.name, blob_sha = excluded.blob_sha, producer = excluded.producer, date = excluded.date,
       class = excluded.class, progress_json = excluded.progress_json, total_progress = excluded.total_progress, hf_id = excluded.hf_id,
       github_repo = excluded.github_repo, licenses = excluded.licenses, statuses = excluded.statuses, yaml = excluded.yaml`,
  );
  const remove = db.prepare("DELETE FROM registry_records WHERE file = ?");
  db.transaction(() => {
    for (const [file, sha] of stale) {
      const parsed = recordRow(file, sha, readFileSync(join(modelsPath(dir), file), "utf8"));
      if (!parsed.ok) {
        result.skipped.push({ file, errors: parsed.errors });
        remove.run(file);
        continue;
      }
      const row = parsed.row;
      upsert.run({ ...row, progress: JSON.stringify(row.progress), licenses: JSON.stringify(row.licenses), statuses: JSON.stringify(row.statuses) });
      result.classified++;
    }
    for (const file of gone) {
      remove.run(file);
    }
    const setMeta = db.prepare("INSERT INTO registry_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    setMeta.run("commit", manifest.commit);
    setMeta.run("synced_at", manifest.syncedAt);
  })();
  result.unchanged = Object.keys(manifest.files).length - stale.length;
  return { ...result, ms: clock() - started };
}
