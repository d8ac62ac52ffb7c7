import type { Kysely, Migration } from "kysely";

/**
 * What several instances on one database share: the rate limiter's counters (the columns rate-limiter-flexible
 * expects, so it never creates the table itself and two instances never race to) and one claim per model being
 * audited, with a lease that a dead instance's claim outlives by at most its length.
 */
export const cluster: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("rate_limits")
      .addColumn("key", "varchar(255)", (c) => c.primaryKey())
      .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("expire", "bigint")
      .execute();
    await db.schema
      .createTable("audit_claims")
      .addColumn("model_key", "text", (c) => c.primaryKey())
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("claimed_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
  },
};
