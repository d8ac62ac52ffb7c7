import type { ListQuery } from "./list-query";

/** Rows per page of /models. */
export const PAGE_SIZE = 25;

export const SORTS = {
  class: { label: "Class, most open first", sort: "class", reverse: false },
  "class-asc": { label: "Class, least open first", sort: "class", reverse: true },
  date: { label: "Newest first", sort: "date", reverse: false },
  "date-asc": { label: "Oldest first", sort: "date", reverse: true },
  name: { label: "Name, A to Z", sort: "name", reverse: false },
  "name-desc": { label: "Name, Z to A", sort: "name", reverse: true },
} as const satisfies Record<string, { label: string; sort: "class" | "date" | "name"; reverse: boolean }>;

export type SortKey = keyof typeof SORTS;

/** The state of the /models form, as its URL holds it; every field is a plain string a GET form sends back. */
export interface ModelsParams {
  q: string;
  /** "" for any class, else "0" (unclassified) to "3". */
  class: string;
  org: string;
  license: string;
  sort: SortKey;
  /** 1-based. */
  page: number;
}

export const DEFAULT_PARAMS: ModelsParams = { q: "", class: "", org: "", license: "", sort: "class", page: 1 };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim().slice(0, 200);

/** Reads the /models query string; anything invalid falls back to its default rather than failing the page. */
export function parseModelsParams(search: SearchParams): ModelsParams {
  const cls = one(search.class);
  const sort = one(search.sort);
  const page = Number(one(search.page));
  return {
    q: one(search.q),
    class: /^[0-3]$/.test(cls) ? cls : "",
    org: one(search.org),
    license: one(search.license),
    sort: Object.hasOwn(SORTS, sort) ? (sort as SortKey) : "class",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The registry store's query for one page of the list. */
export function toListQuery(params: ModelsParams): ListQuery {
  const { sort, reverse } = SORTS[params.sort];
  return {
    ...(params.q ? { q: params.q } : {}),
    ...(params.class ? { class: Number(params.class) } : {}),
    ...(params.org ? { org: params.org } : {}),
    ...(params.license ? { license: params.license } : {}),
    sort,
    reverse,
    limit: PAGE_SIZE,
    offset: (params.page - 1) * PAGE_SIZE,
  };
}

/** The URL of the list with some fields changed; defaults are left out, so the plain list is plain `/models`. */
export function modelsHref(params: ModelsParams, change: Partial<ModelsParams> = {}): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  for (const key of ["q", "class", "org", "license", "sort", "page"] as const) {
    const value = String(next[key]);
    if (value !== String(DEFAULT_PARAMS[key])) {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `/models?${text}` : "/models";
}

/** The canonical URL when the query string is not in it (a GET form's empty fields, defaults, another order); null when it is. */
export function canonicalRedirect(search: SearchParams): string | null {
  const canonical = modelsHref(parseModelsParams(search));
  const given = new URLSearchParams(Object.entries(search).flatMap(([key, value]) => (value === undefined ? [] : [value].flat().map((v) => [key, v]))));
  const text = given.toString();
  return (text ? `/models?${text}` : "/models") === canonical ? null : canonical;
}

/** The number of the last page (1 when there are no rows). */
export function lastPage(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Page numbers to link, with null for a gap: 1 … 4 5 [6] 7 8 … 11. */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= radius) {
      pages.push(p);
    } else if (pages[pages.length - 1] !== null) {
      pages.push(null);
    }
  }
  return pages;
}
