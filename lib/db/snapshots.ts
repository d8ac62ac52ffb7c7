import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { type ModelSource, modelKey } from "@/lib/report/model-key";
import { type Report, reportSchema } from "@/lib/report/schema";
import type { SnapshotSummary } from "@/lib/report/snapshot-summary";
import type { Database } from "./database";
import { defaultDatabase, deferredStore } from "./default";
import { writeGrade } from "./model-grades";
import type { Schema } from "./schema";
import { isSnapshotId, snapshotId } from "./snapshot-id";

export interface StoredReport {
  report: Report;
  createdAt: string;
}

/** Immutable report snapshots: written once, read by id, listed per model. */
export interface SnapshotStore {
  /**
   * Stores the report under a new id (or, for YAML records, the id of the identical record already stored) and
   * resolves, once it is durable, to the snapshot as stored.
   */
  save(report: Report, now?: Date): Promise<Report>;
  get(id: string): Promise<Report | null>;
  latest(source: ModelSource, id: string): Promise<StoredReport | null>;
  history(source: ModelSource, id: string, limit?: number): Promise<SnapshotSummary[]>;
  /** The newest snapshot of each audited model, newest first. */
  recent(limit: number): Promise<SnapshotSummary[]>;
  /** The newest snapshot of every audited model (hf, github), newest first: what /models lists beside the registry. */
  latestAudited(limit?: number): Promise<StoredReport[]>;
}

interface Row {
  id: string;
  source: string;
  model_id: string;
  created_at: string;
  class: number;
  provisional: number;
}

const toSummary = (row: Row): SnapshotSummary => ({
  id: row.id,
  source: row.source as ModelSource,
  modelId: row.model_id,
  createdAt: row.created_at,
  class: row.class as SnapshotSummary["class"],
  provisional: row.provisional === 1,
});

const SUMMARY = ["id", "source", "model_id", "created_at", "class", "provisional"] as const;
const AUDITED_SOURCES = ["hf", "github"];

export function createSnapshotStore({ db, sql: dialect }: Database): SnapshotStore {
  const seq = sql.ref<number>(dialect.snapshotSeq.column);
  const parse = (json: string): Report => reportSchema.parse(JSON.parse(json));
  const newestFirst = <O>(query: SelectQueryBuilder<Schema, "snapshots", O>) => query.orderBy("created_at", "desc").orderBy(seq, "desc");

  // the newest snapshot of each audited model: the row no later row of the same model beats
  const newestPerModel = (limit: number) =>
    db
      .selectFrom("snapshots as s")
      .where("s.source", "in", AUDITED_SOURCES)
      .where((eb) =>
        eb(
          sql.ref(`s.${dialect.snapshotSeq.column}`),
          "=",
          newestFirst(eb.selectFrom("snapshots").select(seq.as("seq")).whereRef("model_key", "=", "s.model_key")).limit(1),
        ),
      )
      .orderBy("s.created_at", "desc")
      .limit(limit);

  const get = async (id: string, from: Kysely<Schema> = db): Promise<Report | null> => {
    if (!isSnapshotId(id)) {
      return null;
    }
    const row = await from.selectFrom("snapshots").select("report_json").where("id", "=", id).executeTakeFirst();
    return row ? parse(row.report_json) : null;
  };

  return {
    async save(report, now = new Date()) {
      const createdAt = now.toISOString();
      const content = JSON.stringify({ ...report, id: "" });
      // a classified YAML record is the same snapshot however often it is posted; audits are moments in time
      const id = report.model.source === "yaml" ? snapshotId("yaml", JSON.stringify(report.record)) : snapshotId(content, createdAt);
      const stored: Report = { ...report, id };
      // one transaction, so whatever the next step records beside a snapshot (a version bump, a notification) commits with it
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto("snapshots")
          .values({
            id,
            model_key: modelKey(report.model.source, report.model.id),
            source: report.model.source,
            model_id: report.model.id,
            created_at: createdAt,
            class: report.class,
            provisional: report.provisional ? 1 : 0,
            report_json: JSON.stringify(stored),
          })
          .onConflict((conflict) => conflict.column("id").doNothing())
          .execute();
        await writeGrade(trx, stored, id, createdAt);
        return (await get(id, trx)) ?? stored;
      });
    },
    get: (id) => get(id),
    async latest(source, id) {
      const row = await newestFirst(db.selectFrom("snapshots").select(["report_json", "created_at"]).where("model_key", "=", modelKey(source, id)))
        .limit(1)
        .executeTakeFirst();
      return row ? { report: parse(row.report_json), createdAt: row.created_at } : null;
    },
    async history(source, id, limit = 100) {
      const rows = await newestFirst(db.selectFrom("snapshots").select(SUMMARY).where("model_key", "=", modelKey(source, id)))
        .limit(limit)
        .execute();
      return rows.map(toSummary);
    },
    async recent(limit) {
      const rows = await newestPerModel(limit)
        .select(SUMMARY.map((column) => `s.${column}` as const))
        .execute();
      return rows.map(toSummary);
    },
    async latestAudited(limit = 10_000) {
      const rows = await newestPerModel(limit).select(["s.report_json", "s.created_at"]).execute();
      return rows.map((row) => ({ report: parse(row.report_json), createdAt: row.created_at }));
    },
  };
}

/** The process-wide store on the default database, opened on first use. */
export function snapshotStore(): SnapshotStore {
  return deferredStore(async () => createSnapshotStore(await defaultDatabase()), {
    save: true,
    get: true,
    latest: true,
    history: true,
    recent: true,
    latestAudited: true,
  });
}
