import type { Kysely, Migration } from "kysely";

/**
 * When the index last learned each model's head commit (`sha`, `last_modified`), from a listing or a freshness check,
 * so every instance checks a model's head at most once per window and shares what it saw.
 */
export const freshness: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("index_models").addColumn("head_checked_at", "text").execute();
  },
};
