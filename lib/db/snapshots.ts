import "server-only";
import { type Db, defaultDatabase } from "@/lib/db";
import { type ModelSource, modelKey } from "@/lib/report/model-key";
import { type Report, reportSchema } from "@/lib/report/schema";
import type { SnapshotSummary } from "@/lib/report/snapshot-summary";

import { isSnapshotId, snapshotId } from "./snapshot-id";

export interface StoredReport {
  report: Report;
  createdAt: string;
}

/** Immutable report snapshots: written once, read by id, listed per model. */
export interface SnapshotStore {
  /** Stores the report under a new id (or, for YAML records, the id of the identical record already stored). */
  save(report: Report, now?: Date): Report;
  get(id: string): Report | null;
  latest(source: ModelSource, id: string): StoredReport | null;
  history(source: ModelSource, id: string, limit?: number): SnapshotSummary[];
  /** The newest snapshot of each audited model, newest first. */
  recent(limit: number): SnapshotSummary[];
  /** The newest snapshot of every audited model (hf, github), newest first: what /models lists beside the registry. */
  latestAudited(limit?: number): StoredReport[];
}

interface Row {
  id: string;
  source: ModelSource;
  model_id: string;
  created_at: string;
  class: 0 | 1 | 2 | 3;
  provisional: number;
}

const toSummary = (row: Row): SnapshotSummary => ({
  id: row.id,
  source: row.source,
  modelId: row.model_id,
  createdAt: row.created_at,
  class: row.class,
  provisional: row.provisional === 1,
});

export function createSnapshotStore(db: Db): SnapshotStore {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO snapshots (id, model_key, source, model_id, created_at, class, provisional, report_json)
     VALUES (@id, @model_key, @source, @model_id, @created_at, @class, @provisional, @report_json)`,
  );
  const byId = db.prepare<[string], { report_json: string }>("SELECT report_json FROM snapshots WHERE id = ?");
  const latest = db.prepare<[string], { report_json: string; created_at: string }>(
    "SELECT report_json, created_at FROM snapshots WHERE model_key = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
  );
  const history = db.prepare<[string, number], Row>(
    "SELECT id, source, model_id, created_at, class, provisional FROM snapshots WHERE model_key = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  const recent = db.prepare<[number], Row>(
    `SELECT id, source, model_id, created_at, class, provisional FROM snapshots s
     WHERE source IN ('hf', 'github') AND rowid = (SELECT rowid FROM snapshots WHERE model_key = s.model_key ORDER BY created_at DESC, rowid DESC LIMIT 1)
     ORDER BY created_at DESC LIMIT ?`,
  );

  const latestAudited = db.prepare<[number], { report_json: string; created_at: string }>(
    `SELECT report_json, created_at FROM snapshots s
     WHERE source IN ('hf', 'github') AND rowid = (SELECT rowid FROM snapshots WHERE model_key = s.model_key ORDER BY created_at DESC, rowid DESC LIMIT 1)
     ORDER BY created_at DESC LIMIT ?`,
  );

  const parse = (json: string): Report => reportSchema.parse(JSON.parse(json));
  const get = (id: string): Report | null => {
    if (!isSnapshotId(id)) {
      return null;
    }
    const row = byId.get(id);
    return row ? parse(row.report_json) : null;
  };

  return {
    save(report, now = new Date()) {
      const createdAt = now.toISOString();
      const content = JSON.stringify({ ...report, id: "" });
      // a classified YAML record is the same snapshot however often it is posted; audits are moments in time
      const id = report.model.source === "yaml" ? snapshotId("yaml", JSON.stringify(report.record)) : snapshotId(content, createdAt);
      const stored: Report = { ...report, id };
      insert.run({
        id,
        model_key: modelKey(report.model.source, report.model.id),
        source: report.model.source,
        model_id: report.model.id,
        created_at: createdAt,
        class: report.class,
        provisional: report.provisional ? 1 : 0,
        report_json: JSON.stringify(stored),
      });
      return get(id) ?? stored;
    },
    get,
    latest(source, id) {
      const row = latest.get(modelKey(source, id));
      return row ? { report: parse(row.report_json), createdAt: row.created_at } : null;
    },
    history(source, id, limit = 100) {
      return history.all(modelKey(source, id), limit).map(toSummary);
    },
    recent(limit) {
      return recent.all(limit).map(toSummary);
    },
    latestAudited(limit = 10_000) {
      return latestAudited.all(limit).map((row) => ({ report: parse(row.report_json), createdAt: row.created_at }));
    },
  };
}

const globalForStore = globalThis as unknown as { mofscopeStore?: SnapshotStore };

/** The process-wide store on the default database (MOFSCOPE_DB). */
export function snapshotStore(): SnapshotStore {
  globalForStore.mofscopeStore ??= createSnapshotStore(defaultDatabase());
  return globalForStore.mofscopeStore;
}
