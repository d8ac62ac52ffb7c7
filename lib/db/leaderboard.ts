import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { z } from "zod";
import type { ClassDistribution, FacetCount, LeaderboardEntry } from "@/lib/report/index-entry";
import { DEFAULT_PAGE_SIZE, INDEX_SORTS, type IndexClass, type IndexFilter, type IndexSort, MAX_PAGE_SIZE } from "@/lib/report/index-params";
import type { Database } from "./database";
import { defaultDatabase, deferredStore } from "./default";
import type { DialectSql } from "./dialect";
import type { ModelGradesTable } from "./schema";

export interface LeaderboardQuery {
  filter?: IndexFilter;
  sort?: IndexSort;
  /** A nextCursor of an earlier page of the same sort. */
  cursor?: string | null;
  limit?: number;
}

export type { ClassDistribution, FacetCount, LeaderboardEntry };

export interface LeaderboardPage {
  items: LeaderboardEntry[];
  /** Null on the last page. */
  nextCursor: string | null;
  /** Every model the filter matches, across pages. */
  total: number;
}

export interface OrgPresence {
  /** Models of the organisation the index graded. */
  graded: number;
  /** Models of the organisation the Hub listing named, audited or not. */
  listed: number;
}

/** The openness index's leaderboard, read from each model's grade (never from its report). */
export interface LeaderboardStore {
  page(query?: LeaderboardQuery): Promise<LeaderboardPage>;
  distribution(filter?: IndexFilter): Promise<ClassDistribution>;
  /** The component the next class most often lacks among the models the filter matches; null when none lacks one. */
  commonGap(filter?: IndexFilter): Promise<FacetCount | null>;
  /** The licences and pipelines the graded models carry, most common first: what the filters offer. */
  facets(limit?: number): Promise<{ licences: FacetCount[]; pipelines: FacetCount[] }>;
  org(org: string): Promise<OrgPresence>;
}

const NEXT_CLASS: Record<IndexClass, 1 | 2 | 3 | null> = { 0: 3, 3: 2, 2: 1, 1: null };

interface SortKey {
  expression: (dialect: DialectSql) => Expression<unknown>;
  direction: "asc" | "desc";
  kind: "number" | "text";
}

const tieBreak: SortKey = { expression: (d) => d.textKey(sql.ref("g.model_key")), direction: "asc", kind: "text" };

// each order ends on the model key, so every row has one place and a cursor names it exactly
const SORT_KEYS: Record<IndexSort, readonly SortKey[]> = {
  openness: [
    { expression: () => sql.ref("g.rank"), direction: "desc", kind: "number" },
    { expression: () => sql.ref("g.progress"), direction: "desc", kind: "number" },
    tieBreak,
  ],
  downloads: [{ expression: () => sql`coalesce(m.downloads, -1)`, direction: "desc", kind: "number" }, tieBreak],
  audited: [{ expression: () => sql.ref("g.audited_at"), direction: "desc", kind: "text" }, tieBreak],
};

/** The cursor is not one this store wrote for that order. */
export class BadCursorError extends Error {
  constructor() {
    super("The cursor is not one this list gave out for that sort; start again without it.");
    this.name = "BadCursorError";
  }
}

const cursorSchema = z.object({
  s: z.enum(INDEX_SORTS),
  k: z
    .array(z.union([z.number(), z.string()]))
    .min(2)
    .max(3),
});

/** The sort values a cursor carries, checked against the order it is used with. */
export function decodeCursor(sort: IndexSort, cursor: string): (number | string)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const result = cursorSchema.safeParse(parsed);
  const keys = SORT_KEYS[sort];
  if (!result.success || result.data.s !== sort || result.data.k.length !== keys.length) {
    throw new BadCursorError();
  }
  if (!result.data.k.every((value, i) => typeof value === (keys[i]?.kind === "number" ? "number" : "string"))) {
    throw new BadCursorError();
  }
  return result.data.k;
}

function encodeCursor(sort: IndexSort, values: (number | string)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: values }), "utf8").toString("base64url");
}

const staleSql = sql<SqlBool>`(m.sha IS NOT NULL AND (g.sha IS NULL OR g.sha <> m.sha))`;

function conditions(filter: IndexFilter): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  if (filter.org !== undefined) {
    where.push(sql`g.org = ${filter.org.toLowerCase()}`);
  }
  if (filter.class !== undefined) {
    where.push(sql`g.class = ${filter.class}`);
  }
  if (filter.licence !== undefined) {
    where.push(sql`EXISTS (SELECT 1 FROM model_grade_facets f WHERE f.model_key = g.model_key AND f.kind = 'licence' AND f.value = ${filter.licence})`);
  }
  if (filter.pipeline !== undefined) {
    where.push(sql`coalesce(g.pipeline, m.pipeline_tag) = ${filter.pipeline}`);
  }
  if (filter.stale !== undefined) {
    where.push(filter.stale ? staleSql : sql`NOT ${staleSql}`);
  }
  return where;
}

const all = (where: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> => (where.length === 0 ? sql`1 = 1` : sql`${sql.join(where, sql` AND `)}`);

// rows after the cursor's: equal on every earlier key and past it on this one, for some key
function after(keys: readonly SortKey[], values: (number | string)[], dialect: DialectSql): RawBuilder<SqlBool> {
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((earlier, j) => sql`${earlier.expression(dialect)} = ${values[j]}`);
    const past = sql`${key.expression(dialect)} ${sql.raw(key.direction === "desc" ? "<" : ">")} ${values[i]}`;
    return sql`(${sql.join([...equal, past], sql` AND `)})`;
  });
  return sql`(${sql.join(branches, sql` OR `)})`;
}

// a grade as the page reads it: with what the Hub's list said of the model
type Row = ModelGradesTable & { downloads: number | null; head_sha: string | null };

function toEntry(row: Row): LeaderboardEntry {
  const cls = row.class as IndexClass;
  return {
    source: row.source as LeaderboardEntry["source"],
    modelId: row.model_id,
    org: row.org,
    snapshotId: row.snapshot_id,
    class: cls,
    nextClass: NEXT_CLASS[cls],
    progress: Number(row.progress),
    provisional: row.provisional === 1,
    licences: JSON.parse(row.licences) as string[],
    pipeline: row.pipeline,
    downloads: row.downloads === null ? null : Number(row.downloads),
    auditedAt: row.audited_at,
    auditedSha: row.sha,
    stale: row.head_sha !== null && row.sha !== row.head_sha,
  };
}

function sortValues(sort: IndexSort, row: Row): (number | string)[] {
  if (sort === "openness") {
    return [Number(row.rank), Number(row.progress), row.model_key];
  }
  return sort === "downloads" ? [row.downloads === null ? -1 : Number(row.downloads), row.model_key] : [row.audited_at, row.model_key];
}

export function createLeaderboardStore({ db, sql: dialect }: Database): LeaderboardStore {
  const graded = () => db.selectFrom("model_grades as g").leftJoin("index_models as m", "m.model_key", "g.model_key");
  // counts read the Hub's columns only for a filter on them: index_models is keyed by model, so the left join adds no
  // rows, and leaving it out halves the cost of an unfiltered count
  const counted = (filter: IndexFilter) =>
    filter.pipeline === undefined && filter.stale === undefined ? (db.selectFrom("model_grades as g") as unknown as ReturnType<typeof graded>) : graded();

  return {
    async page({ filter = {}, sort = "openness", cursor = null, limit = DEFAULT_PAGE_SIZE } = {}) {
      const keys = SORT_KEYS[sort];
      const where = conditions(filter);
      const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.trunc(limit)));
      const paged = cursor === null ? where : [...where, after(keys, decodeCursor(sort, cursor), dialect)];
      let query = graded()
        .select([
          "g.model_key",
          "g.source",
          "g.model_id",
          "g.org",
          "g.snapshot_id",
          "g.audited_at",
          "g.sha",
          "g.class",
          "g.rank",
          "g.progress",
          "g.provisional",
          "g.licences",
          "m.downloads",
          "m.sha as head_sha",
        ])
        .select(sql<string | null>`coalesce(g.pipeline, m.pipeline_tag)`.as("pipeline"))
        .where(all(paged))
        .limit(size + 1);
      for (const key of keys) {
        query = query.orderBy(key.expression(dialect), key.direction);
      }
      const [rows, total] = await Promise.all([
        query.execute() as Promise<Row[]>,
        counted(filter)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where(all(where))
          .executeTakeFirstOrThrow(),
      ]);
      const items = rows.slice(0, size);
      const last = items.at(-1);
      return {
        items: items.map(toEntry),
        nextCursor: rows.length > size && last ? encodeCursor(sort, sortValues(sort, last)) : null,
        total: Number(total.n),
      };
    },

    async distribution(filter = {}) {
      const rows = await counted(filter)
        .select(["g.class", (eb) => eb.fn.countAll<number>().as("n")])
        .where(all(conditions(filter)))
        .groupBy("g.class")
        .execute();
      const byClass: Record<IndexClass, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };
      for (const row of rows) {
        byClass[row.class as IndexClass] = Number(row.n);
      }
      return { total: rows.reduce((sum, row) => sum + Number(row.n), 0), byClass };
    },

    async commonGap(filter = {}) {
      const row = await counted(filter)
        .innerJoin("model_grade_facets as f", "f.model_key", "g.model_key")
        .select(["f.value", (eb) => eb.fn.countAll<number>().as("n")])
        .where("f.kind", "=", "gap")
        .where(all(conditions(filter)))
        .groupBy("f.value")
        .orderBy("n", "desc")
        .orderBy(dialect.textKey(sql.ref("f.value")))
        .limit(1)
        .executeTakeFirst();
      return row ? { value: row.value, models: Number(row.n) } : null;
    },

    async facets(limit = 50) {
      const [licences, pipelines] = await Promise.all([
        db
          .selectFrom("model_grade_facets")
          .select(["value", (eb) => eb.fn.countAll<number>().as("n")])
          .where("kind", "=", "licence")
          .groupBy("value")
          .orderBy("n", "desc")
          .orderBy(dialect.textKey(sql.ref("value")))
          .limit(limit)
          .execute(),
        graded()
          .select([sql<string>`coalesce(g.pipeline, m.pipeline_tag)`.as("value"), (eb) => eb.fn.countAll<number>().as("n")])
          .where(sql<SqlBool>`coalesce(g.pipeline, m.pipeline_tag) IS NOT NULL`)
          .groupBy(sql`coalesce(g.pipeline, m.pipeline_tag)`)
          .orderBy("n", "desc")
          .orderBy(dialect.textKey(sql`coalesce(g.pipeline, m.pipeline_tag)`))
          .limit(limit)
          .execute(),
      ]);
      const counts = (rows: { value: string; n: number }[]) => rows.map((row) => ({ value: row.value, models: Number(row.n) }));
      return { licences: counts(licences), pipelines: counts(pipelines) };
    },

    async org(org) {
      const name = org.toLowerCase();
      const [graded, listed] = await Promise.all([
        db
          .selectFrom("model_grades")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("org", "=", name)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("index_models")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("author", "=", name)
          .executeTakeFirstOrThrow(),
      ]);
      return { graded: Number(graded.n), listed: Number(listed.n) };
    },
  };
}

/** The process-wide leaderboard on the default database, opened on first use. */
export function leaderboardStore(): LeaderboardStore {
  return deferredStore(async () => createLeaderboardStore(await defaultDatabase()), {
    page: true,
    distribution: true,
    commonGap: true,
    facets: true,
    org: true,
  });
}
