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

/** One ORDER BY term over the `models` view; `fold` compares case-insensitively. */
export interface SortKey {
  column: "total_progress" | "date" | "name" | "source" | "id";
  desc: boolean;
  fold: boolean;
  nullsLast: boolean;
}

const key = (column: SortKey["column"], over: Partial<SortKey> = {}): SortKey => ({ column, desc: false, fold: false, nullsLast: false, ...over });

const ORDER: Record<ParsedListQuery["sort"], readonly SortKey[]> = {
  class: [key("total_progress", { desc: true }), key("name", { fold: true }), key("source")],
  date: [key("date", { desc: true, nullsLast: true }), key("name", { fold: true }), key("source")],
  name: [key("name", { fold: true }), key("source"), key("id")],
};

/** The sort keys of a query, the first reversed when asked; undated rows stay last either way. */
export function sortKeys(query: ParsedListQuery): SortKey[] {
  const [first, ...rest] = ORDER[query.sort];
  return first === undefined ? rest : [query.reverse ? { ...first, desc: !first.desc } : first, ...rest];
}

/** A LIKE pattern (escape character: backslash) matching `text` anywhere, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
