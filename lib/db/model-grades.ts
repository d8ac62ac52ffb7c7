import type { Kysely } from "kysely";
import { gradeOf } from "@/lib/report/grade";
import { modelKey } from "@/lib/report/model-key";
import type { Report } from "@/lib/report/schema";
import type { Schema } from "./schema";

/** The sources the index grades: audits, not records someone classified. */
export const GRADED_SOURCES: readonly string[] = ["hf", "github"];

/**
 * Keeps a model's grade in step with its newest snapshot: called in the transaction that stores the snapshot (and by
 * the migration that grades snapshots stored before grades were kept). An older snapshot never replaces a newer one's
 * grade; one of the same moment does, as the later save is the latest.
 */
export async function writeGrade(db: Kysely<Schema>, report: Report, snapshotId: string, createdAt: string): Promise<void> {
  if (!GRADED_SOURCES.includes(report.model.source)) {
    return;
  }
  const key = modelKey(report.model.source, report.model.id);
  const grade = gradeOf(report);
  await db
    .insertInto("model_grades")
    .values({
      model_key: key,
      source: report.model.source,
      model_id: report.model.id,
      org: grade.org,
      snapshot_id: snapshotId,
      audited_at: createdAt,
      sha: grade.sha,
      class: grade.class,
      rank: grade.rank,
      progress: grade.progress,
      provisional: report.provisional ? 1 : 0,
      pipeline: grade.pipeline,
      licences: JSON.stringify(grade.licences),
    })
    .onConflict((conflict) =>
      conflict
        .column("model_key")
        .doUpdateSet((eb) => ({
          model_id: eb.ref("excluded.model_id"),
          org: eb.ref("excluded.org"),
          snapshot_id: eb.ref("excluded.snapshot_id"),
          audited_at: eb.ref("excluded.audited_at"),
          sha: eb.ref("excluded.sha"),
          class: eb.ref("excluded.class"),
          rank: eb.ref("excluded.rank"),
          progress: eb.ref("excluded.progress"),
          provisional: eb.ref("excluded.provisional"),
          pipeline: eb.ref("excluded.pipeline"),
          licences: eb.ref("excluded.licences"),
        }))
        .where((eb) => eb("model_grades.audited_at", "<=", eb.ref("excluded.audited_at"))),
    )
    .execute();
  const current = await db.selectFrom("model_grades").select("snapshot_id").where("model_key", "=", key).executeTakeFirst();
  if (current?.snapshot_id !== snapshotId) {
    return;
  }
  await db.deleteFrom("model_grade_facets").where("model_key", "=", key).execute();
  const facets = [
    ...grade.licences.map((value) => ({ model_key: key, kind: "licence" as const, value })),
    ...grade.gaps.map((value) => ({ model_key: key, kind: "gap" as const, value })),
  ];
  if (facets.length > 0) {
    await db.insertInto("model_grade_facets").values(facets).execute();
  }
}
