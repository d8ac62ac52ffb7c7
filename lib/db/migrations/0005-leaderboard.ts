import { type Kysely, type Migration, sql } from "kysely";
import { reportSchema } from "@/lib/report/schema";
import type { DialectSql } from "../dialect";
import { GRADED_SOURCES, writeGrade } from "../model-grades";
import type { Schema } from "../schema";

// snapshots are graded this many models at a time, so an old database's reports are never all in memory at once
const BATCH = 200;

/**
 * The openness index's leaderboard: each audited model's grade (class, progress, licences, gaps) kept in columns
 * beside its newest snapshot, so a page of the index is an indexed query rather than a parse of every report. The
 * snapshots already stored are graded here, newest per model.
 */
export const leaderboard = (dialect: DialectSql): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("model_grades")
      .addColumn("model_key", "text", (c) => c.primaryKey())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("model_id", "text", (c) => c.notNull())
      .addColumn("org", "text", (c) => c.notNull())
      .addColumn("snapshot_id", "text", (c) => c.notNull())
      .addColumn("audited_at", "text", (c) => c.notNull())
      .addColumn("sha", "text")
      .addColumn("class", "integer", (c) => c.notNull())
      .addColumn("rank", "integer", (c) => c.notNull())
      .addColumn("progress", "double precision", (c) => c.notNull())
      .addColumn("provisional", "integer", (c) => c.notNull())
      .addColumn("pipeline", "text")
      .addColumn("licences", "text", (c) => c.notNull())
      .execute();
    // one index per sort order, and the organisation filter
    await db.schema.createIndex("model_grades_openness").on("model_grades").columns(["rank desc", "progress desc", "model_key"]).execute();
    await db.schema.createIndex("model_grades_audited").on("model_grades").columns(["audited_at desc", "model_key"]).execute();
    await db.schema.createIndex("model_grades_org").on("model_grades").columns(["org", "rank desc", "progress desc"]).execute();
    await db.schema
      .createTable("model_grade_facets")
      .addColumn("model_key", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("model_grade_facets_pk", ["model_key", "kind", "value"])
      .execute();
    await db.schema.createIndex("model_grade_facets_value").on("model_grade_facets").columns(["kind", "value"]).execute();
    await db.schema.createIndex("index_models_downloads").on("index_models").columns(["downloads desc", "model_key"]).execute();
    await gradeStoredSnapshots(db as Kysely<Schema>, dialect);
  },
});

async function gradeStoredSnapshots(db: Kysely<Schema>, dialect: DialectSql): Promise<void> {
  const seq = sql.ref<number>(dialect.snapshotSeq.column);
  let after = "";
  for (;;) {
    const keys = await db
      .selectFrom("snapshots")
      .select("model_key")
      .distinct()
      .where("source", "in", GRADED_SOURCES)
      .where("model_key", ">", after)
      .orderBy("model_key")
      .limit(BATCH)
      .execute();
    if (keys.length === 0) {
      return;
    }
    for (const { model_key } of keys) {
      const newest = await db
        .selectFrom("snapshots")
        .select(["id", "created_at", "report_json"])
        .where("model_key", "=", model_key)
        .orderBy("created_at", "desc")
        .orderBy(seq, "desc")
        .limit(1)
        .executeTakeFirst();
      const parsed = newest ? reportSchema.safeParse(JSON.parse(newest.report_json)) : null;
      // a snapshot this build can no longer read stays viewable as before, just ungraded until its next audit
      if (newest && parsed?.success) {
        await writeGrade(db, parsed.data, newest.id, newest.created_at);
      }
    }
    after = keys.at(-1)?.model_key ?? after;
  }
}
