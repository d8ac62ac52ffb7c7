import { z } from "zod";

/** The /models list's parameters, as they arrive from a URL: validated and defaulted here. */
export const listQuerySchema = z.object({
  /** Case-insensitive substring of the name. */
  q: z.string().trim().max(200).optional(),
  class: z.coerce.number().int().min(0).max(3).optional(),
  /** Organisation (MOT's producer, or the hub owner of an audited model), case-insensitive, exact. */
  org: z.string().trim().max(200).optional(),
  /** A resolved licence id, exact. */
  license: z.string().trim().max(200).optional(),
  /** class: MOT's order (total progress descending, then name); date: newest first; name: A to Z. */
  sort: z.enum(["class", "date", "name"]).default("class"),
  /** Reverses the sort's first key. */
  reverse: z.union([z.boolean(), z.stringbool()]).default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type ListQuery = z.input<typeof listQuerySchema>;
export type ParsedListQuery = z.output<typeof listQuerySchema>;

const ORDER: Record<ParsedListQuery["sort"], [first: string, rest: string]> = {
  class: ["total_progress DESC", "name COLLATE NOCASE ASC, source ASC"],
  date: ["date DESC NULLS LAST", "name COLLATE NOCASE ASC, source ASC"],
  name: ["name COLLATE NOCASE ASC", "source ASC, id ASC"],
};

const flip = (term: string) => (term.includes(" DESC") ? term.replace(" DESC", " ASC") : term.replace(" ASC", " DESC"));

// LIKE wildcards in user text are matched literally
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE and ORDER BY for a query over the `models` view (columns of registry_records plus `source`, `id`); values go as parameters. */
export function listClauses(query: ParsedListQuery): { where: string; order: string; params: Record<string, string | number> } {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.q) {
    conditions.push("name LIKE '%' || @q || '%' ESCAPE '\\'");
    params.q = likeEscape(query.q);
  }
  if (query.class !== undefined) {
    conditions.push("class = @class");
    params.class = query.class;
  }
  if (query.org) {
    conditions.push("producer = @org COLLATE NOCASE");
    params.org = query.org;
  }
  if (query.license) {
    conditions.push("EXISTS (SELECT 1 FROM json_each(licenses) WHERE json_each.value = @license)");
    params.license = query.license;
  }
  const [first, rest] = ORDER[query.sort];
  return {
    where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "",
    order: `ORDER BY ${query.reverse ? flip(first) : first}, ${rest}`,
    params,
  };
}
