import type { Kysely, Migration } from "kysely";

/**
 * The openness index: every model a listing named (with what the list answer said of it) and the commit its latest
 * indexed audit saw; and one upstream request budget per host that every worker on the database draws from.
 */
export const hubIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("index_models")
      .addColumn("model_key", "text", (c) => c.primaryKey())
      .addColumn("model_id", "text", (c) => c.notNull())
      .addColumn("author", "text", (c) => c.notNull())
      .addColumn("sha", "text")
      .addColumn("last_modified", "text")
      .addColumn("pipeline_tag", "text")
      .addColumn("downloads", "bigint")
      .addColumn("listed_at", "text", (c) => c.notNull())
      .addColumn("audited_sha", "text")
      .addColumn("audited_at", "text")
      .addColumn("last_error", "text")
      .execute();
    await db.schema.createIndex("index_models_author").on("index_models").column("author").execute();

    await db.schema
      .createTable("upstream_budget")
      .addColumn("host", "text", (c) => c.primaryKey())
      .addColumn("window_started_at", "bigint", (c) => c.notNull())
      .addColumn("used", "integer", (c) => c.notNull())
      .addColumn("remaining", "integer")
      .addColumn("paused_until", "bigint", (c) => c.notNull())
      .execute();
  },
};
