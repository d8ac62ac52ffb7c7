import { type Kysely, type Migration, sql } from "kysely";
import type { DialectSql } from "../dialect";

/**
 * The tables of the last legacy step (response_cache, snapshots, registry_records, registry_meta), written once for
 * both dialects. `if not exists` throughout: a SQLite file of an earlier build already has them. Case-insensitive
 * look-ups use lower() indexes in both dialects, so the old COLLATE NOCASE ones go.
 */
export const baseline = (dialect: DialectSql): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("response_cache")
      .ifNotExists()
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("status", "integer", (c) => c.notNull())
      .addColumn("headers", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("stored_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("response_cache_expires_at").ifNotExists().on("response_cache").column("expires_at").execute();

    let snapshots = db.schema
      .createTable("snapshots")
      .ifNotExists()
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("model_key", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("model_id", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("class", "integer", (c) => c.notNull())
      .addColumn("provisional", "integer", (c) => c.notNull())
      .addColumn("report_json", "text", (c) => c.notNull());
    if (dialect.snapshotSeq.create) {
      snapshots = snapshots.addColumn(dialect.snapshotSeq.column, "bigint", (c) => c.generatedAlwaysAsIdentity());
    }
    await snapshots.execute();
    await db.schema.createIndex("snapshots_model_created").ifNotExists().on("snapshots").columns(["model_key", "created_at desc"]).execute();
    await db.schema.createIndex("snapshots_created").ifNotExists().on("snapshots").column("created_at desc").execute();

    await db.schema
      .createTable("registry_records")
      .ifNotExists()
      .addColumn("file", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("blob_sha", "text", (c) => c.notNull())
      .addColumn("producer", "text", (c) => c.notNull())
      .addColumn("date", "text")
      .addColumn("class", "integer", (c) => c.notNull())
      .addColumn("progress_json", "text", (c) => c.notNull())
      .addColumn("total_progress", "double precision", (c) => c.notNull())
      .addColumn("hf_id", "text")
      .addColumn("github_repo", "text")
      .addColumn("licenses", "text", (c) => c.notNull())
      .addColumn("statuses", "text", (c) => c.notNull())
      .addColumn("yaml", "text", (c) => c.notNull())
      .execute();
    for (const column of ["name", "hf_id", "github_repo"]) {
      await db.schema.dropIndex(`registry_records_${column}`).ifExists().execute();
      await db.schema
        .createIndex(`registry_records_${column}_lower`)
        .ifNotExists()
        .on("registry_records")
        .expression(sql`lower(${sql.ref(column)})`)
        .execute();
    }
    await db.schema.createIndex("registry_records_rank").ifNotExists().on("registry_records").columns(["total_progress desc", "name"]).execute();

    await db.schema
      .createTable("registry_meta")
      .ifNotExists()
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .execute();
  },
});
