import { z } from "zod";

/** Orders of the index: most open first, most downloaded first, most recently audited first. */
export const INDEX_SORTS = ["openness", "downloads", "audited"] as const;
export type IndexSort = (typeof INDEX_SORTS)[number];

export type IndexClass = 0 | 1 | 2 | 3;

export interface IndexFilter {
  /** Lower-cased organisation. */
  org?: string;
  class?: IndexClass;
  licence?: string;
  pipeline?: string;
  /** True: only models whose head commit moved past their latest audit; false: only the rest. */
  stale?: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** An organisation or user name as the Hub and GitHub allow it. */
export const ORG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** An organisation named in a path (`/orgs/{org}`), checked and lower-cased. */
export const orgNameSchema = z
  .string()
  .regex(ORG_NAME)
  .refine((name) => !name.includes(".."))
  .transform((name) => name.toLowerCase());

// a blank field of the filter form means "any"
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const indexQuerySchema = z.object({
  org: optional(z.string().regex(ORG_NAME, "must be an organisation name: letters, digits, '.', '_' or '-'")),
  class: optional(z.enum(["0", "1", "2", "3"], "must be 1, 2 or 3 (Class I, II or III) or 0 (no class)")),
  licence: optional(
    z
      .string()
      .max(100, "must be at most 100 characters")
      .regex(/^[\w.+:() -]+$/, "must be a licence id such as Apache-2.0"),
  ),
  pipeline: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a pipeline tag such as text-generation")),
  stale: optional(z.enum(["true", "false"], "must be true or false")),
  sort: optional(z.enum(INDEX_SORTS, `must be one of ${INDEX_SORTS.join(", ")}`)),
  cursor: optional(
    z
      .string()
      .max(512, "is too long")
      .regex(/^[A-Za-z0-9_-]+$/, "is not a cursor this API gave out"),
  ),
  limit: optional(
    z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
  ),
  format: optional(z.enum(["json", "csv"], "must be json or csv")),
});

/** A request for a page of the index, as read from a query string. */
export interface IndexParams {
  filter: IndexFilter;
  sort: IndexSort;
  cursor: string | null;
  limit: number;
  format: "json" | "csv";
}

export type IndexParamsResult = { ok: true; params: IndexParams } | { ok: false; message: string };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const first = (raw: RawParams, name: string): string | undefined => {
  const value = raw instanceof URLSearchParams ? (raw.get(name) ?? undefined) : raw[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Reads and checks the index's query parameters; unknown ones are ignored, a bad one is named in the message. */
export function parseIndexParams(raw: RawParams): IndexParamsResult {
  const keys = Object.keys(indexQuerySchema.shape) as (keyof typeof indexQuerySchema.shape)[];
  const parsed = indexQuerySchema.safeParse(Object.fromEntries(keys.map((key) => [key, first(raw, key)])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${String(issue?.path[0] ?? "query")} ${issue?.message ?? "is not valid"}.` };
  }
  const q = parsed.data;
  const filter: IndexFilter = {
    ...(q.org === undefined ? {} : { org: q.org.toLowerCase() }),
    ...(q.class === undefined ? {} : { class: Number(q.class) as IndexClass }),
    ...(q.licence === undefined ? {} : { licence: q.licence }),
    ...(q.pipeline === undefined ? {} : { pipeline: q.pipeline }),
    ...(q.stale === undefined ? {} : { stale: q.stale === "true" }),
  };
  return {
    ok: true,
    params: { filter, sort: q.sort ?? "openness", cursor: q.cursor ?? null, limit: q.limit ?? DEFAULT_PAGE_SIZE, format: q.format ?? "json" },
  };
}

/** The query string for a filter, sort and cursor (defaults left out), with a leading `?` unless empty. */
export function indexQueryString(
  filter: IndexFilter,
  extra: { sort?: IndexSort; cursor?: string | null; limit?: number; format?: "csv" | "json" } = {},
): string {
  const query = new URLSearchParams();
  const entries: [string, string | number | boolean | null | undefined][] = [
    ["org", filter.org],
    ["class", filter.class],
    ["licence", filter.licence],
    ["pipeline", filter.pipeline],
    ["stale", filter.stale],
    ["sort", extra.sort === "openness" ? undefined : extra.sort],
    ["cursor", extra.cursor],
    ["limit", extra.limit === DEFAULT_PAGE_SIZE ? undefined : extra.limit],
    ["format", extra.format],
  ];
  for (const [name, value] of entries) {
    if (value !== undefined && value !== null) {
      query.set(name, String(value));
    }
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

/** True when a query string says more than its canonical form: blank form fields, or a default spelt out. */
export function needsCanonical(raw: Record<string, string | string[] | undefined>): boolean {
  return Object.entries(raw).some(([name, value]) => name in PARAM_DEFAULTS && (value === "" || (typeof value === "string" && value === PARAM_DEFAULTS[name])));
}

// what a submitted form sends when nothing is chosen
const PARAM_DEFAULTS: Record<string, string | undefined> = {
  org: undefined,
  class: undefined,
  licence: undefined,
  pipeline: undefined,
  stale: undefined,
  sort: "openness",
  cursor: undefined,
  limit: String(DEFAULT_PAGE_SIZE),
  format: undefined,
};
