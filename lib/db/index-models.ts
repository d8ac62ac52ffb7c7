import type { ListedModel } from "@/lib/fetchers/hf/list-models";
import type { ObservedHead } from "@/lib/report/freshness";
import { modelKey } from "@/lib/report/model-key";
import type { Database } from "./database";
import { defaultDatabase, deferredStore } from "./default";
import type { IndexModelsTable } from "./schema";

export type IndexModelRow = IndexModelsTable;

/** The models of the openness index: what the Hub's list said of each, and what their latest indexed audit saw. */
export interface IndexModelStore {
  /** Records a listing's answer; keeps each model's audited commit. */
  recordListed(models: readonly ListedModel[], now?: Date): Promise<void>;
  /** The commit each of these models was last audited at by the index (absent when never). */
  auditedShas(ids: readonly string[]): Promise<Map<string, string>>;
  markAudited(id: string, sha: string | null, now?: Date): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
  get(id: string): Promise<IndexModelRow | null>;
  /**
   * Takes the model's head check for the caller: true at most once per `windowMs` for a model, across every
   * instance on the database (a listing counts as a check too).
   */
  claimHeadCheck(id: string, windowMs: number, now?: Date): Promise<boolean>;
  /** What the Hub said the model's head is now (a freshness check, or the commit an audit just read). */
  recordHead(id: string, head: ObservedHead, now?: Date): Promise<void>;
}

const key = (id: string) => modelKey("hf", id);
const authorOf = (id: string) => (id.includes("/") ? (id.split("/")[0] ?? "") : "").toLowerCase();
// an IN list per batch keeps every statement under both drivers' parameter limits
const BATCH = 500;

export function createIndexModelStore({ db }: Database): IndexModelStore {
  const ensure = async (id: string, now: Date) => {
    await db
      .insertInto("index_models")
      .values({ model_key: key(id), model_id: id, author: authorOf(id), listed_at: now.toISOString() })
      .onConflict((c) => c.column("model_key").doNothing())
      .execute();
  };
  return {
    async recordListed(models, now = new Date()) {
      for (let i = 0; i < models.length; i += BATCH) {
        const rows = models.slice(i, i + BATCH).map((m) => ({
          model_key: key(m.id),
          model_id: m.id,
          author: authorOf(m.id),
          sha: m.sha,
          last_modified: m.lastModified,
          pipeline_tag: m.pipelineTag,
          downloads: m.downloads,
          listed_at: now.toISOString(),
          head_checked_at: now.toISOString(),
        }));
        const unique = [...new Map(rows.map((r) => [r.model_key, r])).values()];
        await db
          .insertInto("index_models")
          .values(unique)
          .onConflict((c) =>
            c.column("model_key").doUpdateSet((eb) => ({
              model_id: eb.ref("excluded.model_id"),
              sha: eb.ref("excluded.sha"),
              last_modified: eb.ref("excluded.last_modified"),
              pipeline_tag: eb.ref("excluded.pipeline_tag"),
              downloads: eb.ref("excluded.downloads"),
              listed_at: eb.ref("excluded.listed_at"),
              head_checked_at: eb.ref("excluded.head_checked_at"),
            })),
          )
          .execute();
      }
    },
    async auditedShas(ids) {
      const found = new Map<string, string>();
      const keys = [...new Set(ids.map(key))];
      for (let i = 0; i < keys.length; i += BATCH) {
        const rows = await db
          .selectFrom("index_models")
          .select(["model_key", "audited_sha"])
          .where("model_key", "in", keys.slice(i, i + BATCH))
          .where("audited_sha", "is not", null)
          .execute();
        for (const row of rows) {
          found.set(row.model_key, row.audited_sha ?? "");
        }
      }
      return new Map(ids.flatMap((id) => (found.has(key(id)) ? [[id, found.get(key(id)) ?? ""] as const] : [])));
    },
    async markAudited(id, sha, now = new Date()) {
      await ensure(id, now);
      await db
        .updateTable("index_models")
        .set({ audited_sha: sha, audited_at: now.toISOString(), last_error: null })
        .where("model_key", "=", key(id))
        .execute();
    },
    async markFailed(id, reason) {
      await ensure(id, new Date());
      await db
        .updateTable("index_models")
        .set({ last_error: reason.slice(0, 500) })
        .where("model_key", "=", key(id))
        .execute();
    },
    async get(id) {
      return (await db.selectFrom("index_models").selectAll().where("model_key", "=", key(id)).executeTakeFirst()) ?? null;
    },
    async claimHeadCheck(id, windowMs, now = new Date()) {
      const at = now.toISOString();
      const inserted = await db
        .insertInto("index_models")
        .values({ model_key: key(id), model_id: id, author: authorOf(id), listed_at: at, head_checked_at: at })
        .onConflict((c) => c.column("model_key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        return true;
      }
      // ISO times of one format order as text: one statement, so two instances never both take the window
      const due = new Date(now.getTime() - windowMs).toISOString();
      const claimed = await db
        .updateTable("index_models")
        .set({ head_checked_at: at })
        .where("model_key", "=", key(id))
        .where((eb) => eb.or([eb("head_checked_at", "is", null), eb("head_checked_at", "<=", due)]))
        .executeTakeFirst();
      return Number(claimed.numUpdatedRows) === 1;
    },
    async recordHead(id, head, now = new Date()) {
      await ensure(id, now);
      await db
        .updateTable("index_models")
        .set({ sha: head.sha, last_modified: head.lastModified, head_checked_at: now.toISOString() })
        .where("model_key", "=", key(id))
        .execute();
    },
  };
}

/** The process-wide index store on the default database, opened on first use. */
export function indexModelStore(): IndexModelStore {
  return deferredStore(async () => createIndexModelStore(await defaultDatabase()), {
    recordListed: true,
    auditedShas: true,
    markAudited: true,
    markFailed: true,
    get: true,
    claimHeadCheck: true,
    recordHead: true,
  });
}
