import { type Expression, type RawBuilder, sql } from "kysely";

export type DialectName = "sqlite" | "postgres";

export type JsonColumnType = "text" | "integer" | "double precision";

/**
 * The SQL the two dialects spell differently, and nothing else: every query and migration is written once against
 * Kysely and takes these pieces from here. Upserts (`ON CONFLICT … DO UPDATE`), `lower()`, `LIKE … ESCAPE`, `NULLS
 * LAST` and the schema builder's types mean the same in both.
 */
export interface DialectSql {
  /**
   * The column that numbers snapshots in insertion order, the tie-break between equal timestamps: SQLite numbers
   * every row already (rowid); PostgreSQL gets an identity column.
   */
  readonly snapshotSeq: { column: string; create: boolean };
  /**
   * The statement that holds the database's write lock through a whole migration run, where Kysely's migrator takes
   * no lock of its own (SQLite: two processes migrating a fresh file would both apply it); null where it does
   * (PostgreSQL: an advisory lock in the migration's transaction).
   */
  readonly migrationLock: string | null;
  /** A text sort key in byte order, so lists sort alike in both (PostgreSQL would follow the database's locale). */
  textKey(expression: Expression<string | null>): RawBuilder<string>;
  /** The elements of a JSON array of strings as a table named `json_each` with one column, `value`. */
  jsonEach(array: Expression<string>): RawBuilder<unknown>;
  /** A JSON array of flat objects, sent as one parameter, as a parenthesised SELECT of the given columns in the given order. */
  jsonRecords<Row>(json: string, columns: readonly (readonly [name: keyof Row & string, type: JsonColumnType])[]): RawBuilder<Row>;
}

export const DIALECTS: Record<DialectName, DialectSql> = {
  sqlite: {
    snapshotSeq: { column: "rowid", create: false },
    // waits (busy_timeout) for another process's run to commit, then finds its migrations applied
    migrationLock: "BEGIN IMMEDIATE",
    textKey: (expression) => sql<string>`${expression}`,
    jsonEach: (array) => sql`json_each(${array})`,
    jsonRecords: <Row>(json: string, columns: readonly (readonly [keyof Row & string, JsonColumnType])[]) =>
      sql<Row>`(SELECT ${sql.join(columns.map(([name]) => sql`json_extract(value, ${`$.${name}`}) AS ${sql.id(name)}`))} FROM json_each(${json}))`,
  },
  postgres: {
    snapshotSeq: { column: "seq", create: true },
    migrationLock: null,
    textKey: (expression) => sql<string>`${expression} COLLATE "C"`,
    jsonEach: (array) => sql`jsonb_array_elements_text(${array}::jsonb) AS json_each(value)`,
    jsonRecords: <Row>(json: string, columns: readonly (readonly [keyof Row & string, JsonColumnType])[]) =>
      sql<Row>`(SELECT ${sql.join(columns.map(([name]) => sql.id(name)))} FROM jsonb_to_recordset(${json}::jsonb) AS r(${sql.join(
        columns.map(([name, type]) => sql`${sql.id(name)} ${sql.raw(type)}`),
      )}))`,
  },
};
