import { type Expression, type SqlBool, sql } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db";
import type { RegistryRecordsTable } from "@/lib/db/schema";
import type { ClassNumber, ComponentStatus, Progress } from "@/lib/mof";
import { type AuditedRow, auditedRowSchema } from "./audited-row";
import { containsPattern, type ListQuery, listQuerySchema, type ParsedListQuery, sortKeys } from "./list-query";
import { type LoadResult, loadRegistry } from "./load";
import type { RecordLookup } from "./lookup";
import type { RegistryRecord } from "./record-row";

/** One row of the /models list: a registry record (`mot`, id = its name) or an audited model. */
export interface ModelRow {
  source: "mot" | "hf" | "github";
  id: string;
  name: string;
  producer: string;
  date: string | null;
  class: ClassNumber;
  totalProgress: number;
  licenses: string[];
  hfId: string | null;
  githubRepo: string | null;
}

export interface ModelPage {
  /** Rows matching the filters, before limit and offset. */
  total: number;
  rows: ModelRow[];
}

export interface Facets {
  classes: { class: ClassNumber; count: number }[];
  producers: { producer: string; count: number }[];
  licenses: { license: string; count: number }[];
}

export interface RegistryStore extends RecordLookup<RegistryRecord> {
  /** Brings the table in line with the vendored folder; cheap when nothing changed. */
  load(): Promise<LoadResult>;
  /** Filtered, sorted, paginated list; audited rows, when given, are merged in SQL under the same filters. */
  list(query?: ListQuery, audited?: readonly AuditedRow[]): Promise<ModelPage>;
  facets(): Promise<Facets>;
  /** A record by its file name in `models/`. */
  byFile(file: string): Promise<RegistryRecord | null>;
  all(): Promise<RegistryRecord[]>;
  /** The upstream commit the table holds and when it was synced; null before the first load. */
  source(): Promise<{ commit: string; syncedAt: string } | null>;
}

type Row = RegistryRecordsTable;

const toRecord = (r: Row): RegistryRecord => ({
  file: r.file,
  name: r.name,
  blobSha: r.blob_sha,
  producer: r.producer,
  date: r.date,
  class: r.class as ClassNumber,
  progress: JSON.parse(r.progress_json) as Progress,
  totalProgress: r.total_progress,
  hfId: r.hf_id,
  githubRepo: r.github_repo,
  licenses: JSON.parse(r.licenses) as string[],
  statuses: JSON.parse(r.statuses) as Record<string, ComponentStatus>,
  yaml: r.yaml,
});

/** A row of the `models` view: registry records and audited rows under one set of columns. */
interface ModelsRow {
  source: string;
  id: string;
  name: string;
  producer: string;
  date: string | null;
  class: number;
  total_progress: number;
  /** JSON array, as registry_records holds it. */
  licenses: string;
  hf_id: string | null;
  github_repo: string | null;
}

// audited rows travel as one JSON parameter and become a table inside the query, in the registry's column order
const AUDITED_COLUMNS = [
  ["source", "text"],
  ["id", "text"],
  ["name", "text"],
  ["producer", "text"],
  ["date", "text"],
  ["class", "integer"],
  ["total_progress", "double precision"],
  ["licenses", "text"],
  ["hf_id", "text"],
  ["github_repo", "text"],
] as const;

const auditedJson = (rows: readonly AuditedRow[]) =>
  JSON.stringify(
    rows.map((r) => ({
      source: r.source,
      id: r.id,
      name: r.name,
      producer: r.producer,
      date: r.date,
      class: r.class,
      total_progress: r.totalProgress,
      licenses: JSON.stringify(r.licenses),
      hf_id: r.hfId,
      github_repo: r.githubRepo,
    })),
  );

const toModelRow = (r: ModelsRow): ModelRow => ({
  source: r.source as ModelRow["source"],
  id: r.id,
  name: r.name,
  producer: r.producer,
  date: r.date,
  class: r.class as ClassNumber,
  totalProgress: r.total_progress,
  licenses: JSON.parse(r.licenses) as string[],
  hfId: r.hf_id,
  githubRepo: r.github_repo,
});

// a record is found the way MOT keys it: case-insensitively, the first file when two share a name
const sameText = (column: string, value: string) => sql<SqlBool>`lower(${sql.ref(column)}) = lower(${value})`;

/** The registry table over a database, fed from a vendored folder (`manifest.json` + `models/`). */
export function createRegistryStore(database: Database, dir: string): RegistryStore {
  const { db, sql: dialect } = database;
  const byFileOrder = dialect.textKey(sql.ref("file"));
  const first = async (column: string, value: string) => {
    const row = await db.selectFrom("registry_records").selectAll().where(sameText(column, value)).orderBy(byFileOrder).limit(1).executeTakeFirst();
    return row ? toRecord(row) : null;
  };

  const models = (audited: readonly AuditedRow[], where: readonly Expression<SqlBool>[]) =>
    db
      .selectFrom(
        db
          .selectFrom("registry_records")
          .select([sql<string>`'mot'`.as("source"), "name as id", "name", "producer", "date", "class", "total_progress", "licenses", "hf_id", "github_repo"])
          .unionAll(db.selectFrom(dialect.jsonRecords<ModelsRow>(auditedJson(audited), AUDITED_COLUMNS).as("audited")).selectAll())
          .as("models"),
      )
      .where((eb) => eb.and([...where]));

  function conditions(query: ParsedListQuery): Expression<SqlBool>[] {
    return [
      ...(query.q ? [sql<SqlBool>`lower(name) LIKE lower(${containsPattern(query.q)}) ESCAPE '\\'`] : []),
      ...(query.class === undefined ? [] : [sql<SqlBool>`class = ${query.class}`]),
      ...(query.org ? [sameText("producer", query.org)] : []),
      ...(query.license
        ? [sql<SqlBool>`EXISTS (SELECT 1 FROM ${dialect.jsonEach(sql.ref<string>("licenses"))} WHERE json_each.value = ${query.license})`]
        : []),
    ];
  }

  return {
    load: () => loadRegistry(database, dir),
    async list(query = {}, audited = []) {
      const parsed = listQuerySchema.parse(query);
      const rows = z.array(auditedRowSchema).parse(audited);
      const where = conditions(parsed);
      const total = await models(rows, where).select(sql<number>`count(*)`.as("n")).executeTakeFirst();
      let page = models(rows, where).selectAll();
      for (const key of sortKeys(parsed)) {
        const column = key.fold ? sql<string>`lower(${sql.ref(key.column)})` : sql.ref<string>(key.column);
        const term = key.column === "total_progress" ? column : dialect.textKey(column);
        page = page.orderBy(term, (order) => {
          const directed = key.desc ? order.desc() : order.asc();
          return key.nullsLast ? directed.nullsLast() : directed;
        });
      }
      const found = await page.limit(parsed.limit).offset(parsed.offset).execute();
      return { total: total?.n ?? 0, rows: found.map(toModelRow) };
    },
    async facets() {
      const count = sql<number>`count(*)`.as("count");
      const classes = await db.selectFrom("registry_records").select(["class", count]).groupBy("class").orderBy("class").execute();
      const producer = sql<string>`min(producer)`;
      const producers = await db
        .selectFrom("registry_records")
        .select([producer.as("producer"), count])
        .groupBy(sql`lower(producer)`)
        .orderBy("count", "desc")
        .orderBy(dialect.textKey(producer))
        .execute();
      const value = sql.ref<string>("json_each.value");
      const licenses = await sql<{ license: string; count: number }>`SELECT ${value} AS license, count(*) AS count
        FROM registry_records, ${dialect.jsonEach(sql.ref<string>("registry_records.licenses"))}
        GROUP BY ${value} ORDER BY count DESC, ${dialect.textKey(value)}`.execute(db);
      return { classes: classes.map((c) => ({ class: c.class as ClassNumber, count: c.count })), producers, licenses: licenses.rows };
    },
    byName: (name) => first("name", name),
    byHfId: (id) => first("hf_id", id),
    async byGithubRepo(repo) {
      const rows = await db.selectFrom("registry_records").selectAll().where(sameText("github_repo", repo)).orderBy(byFileOrder).execute();
      return rows.map(toRecord);
    },
    async byFile(file) {
      const row = await db.selectFrom("registry_records").selectAll().where("file", "=", file).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async all() {
      return (await db.selectFrom("registry_records").selectAll().orderBy(byFileOrder).execute()).map(toRecord);
    },
    async source() {
      const meta = new Map((await db.selectFrom("registry_meta").select(["key", "value"]).execute()).map((r) => [r.key, r.value]));
      const commit = meta.get("commit");
      return commit === undefined ? null : { commit, syncedAt: meta.get("synced_at") ?? "" };
    },
  };
}
