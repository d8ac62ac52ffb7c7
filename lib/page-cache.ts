/**
 * Rendered public pages kept briefly in this process and served again with a fresh nonce, so a report that is
 * already stored costs no render. Only complete report pages are kept (they carry `data-snapshot-id` and no
 * audit error).
 */

export interface CachedPage {
  readonly body: string;
  /** The nonce the body was rendered with; each serve swaps in the new response's nonce. */
  readonly nonce: string | null;
  /** The headers the route chose (type, caching, a route's own security policy), replayed on every serve. */
  readonly headers: Readonly<Record<string, string>>;
  readonly expires: number;
}

const KEPT_HEADERS = ["content-type", "cache-control", "content-security-policy"] as const;

/** Requests that fill the cache carry this header, so the proxy renders them instead of serving the cache. */
export const FILL_HEADER = "x-mofscope-fill";

const MAX_PAGES = 300;
// a report page may change when its model is re-audited (invalidated then) or when its snapshot goes stale
const TTL_MS: Record<PageKind, number> = { report: 60_000, permalink: 600_000, record: 600_000, badge: 60_000 };

type PageKind = "report" | "permalink" | "record" | "badge";

const KINDS: readonly [RegExp, PageKind][] = [
  [/^\/models\/[^/]+\/[^/]+$/, "report"],
  [/^\/r\/[0-9A-Za-z]{10}$/, "permalink"],
  [/^\/mot\/[^/]+$/, "record"],
  [/^\/badge\/[^/]+\/[^/]+\.svg$/, "badge"],
];

const globalForPages = globalThis as unknown as { mofscopePages?: Map<string, CachedPage>; mofscopeFills?: Map<string, Promise<CachedPage | null>> };
const pages = (globalForPages.mofscopePages ??= new Map());
const fills = (globalForPages.mofscopeFills ??= new Map());

/** The kind of a cacheable page for a GET of this path and query, or null. */
export function pageKind(pathname: string, search: string): PageKind | null {
  if (search !== "" && search !== "?") {
    return null;
  }
  return KINDS.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

export function cachedPage(key: string, now = Date.now()): CachedPage | null {
  const page = pages.get(key);
  if (page === undefined || page.expires <= now) {
    pages.delete(key);
    return null;
  }
  return page;
}

export function storePage(key: string, kind: PageKind, page: Omit<CachedPage, "expires">, now = Date.now()): void {
  pages.delete(key);
  pages.set(key, { ...page, expires: now + TTL_MS[kind] });
  // Map keeps insertion order: the first key is the oldest entry
  while (pages.size > MAX_PAGES) {
    pages.delete(pages.keys().next().value as string);
  }
}

/** Drops every cached page of a model once a new snapshot of it is stored. */
export function invalidateModelPages(modelId: string): void {
  for (const key of pages.keys()) {
    if (key === `/models/${modelId}` || key === `/badge/${modelId}.svg`) {
      pages.delete(key);
    }
  }
}

/** The body served with a new nonce in place of the one it was rendered with. */
export function withNonce(page: CachedPage, nonce: string): string {
  return page.nonce === null ? page.body : page.body.split(page.nonce).join(nonce);
}

/**
 * Renders the page once in the background (one fill per key at a time) and keeps it if it is a complete report.
 * Returns the fill already under way, if any, so a crowd of misses waits for one render instead of each rendering.
 */
export function fillInBackground(key: string, kind: PageKind, origin: string, forwardedFor: string | null): Promise<CachedPage | null> | null {
  const running = fills.get(key);
  if (running) {
    return running;
  }
  const headers: Record<string, string> = { [FILL_HEADER]: "1", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) };
  const fill = fetch(`${origin}${key}`, { headers, signal: AbortSignal.timeout(30_000) })
    .then(async (response) => {
      const body = await response.text();
      // a page that shows an audit error (a stale report with a notice) is never kept
      const complete = kind === "badge" || (body.includes("data-snapshot-id=") && !body.includes('data-testid="audit-error"'));
      if (response.status !== 200 || !complete) {
        return null;
      }
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? null;
      const kept = KEPT_HEADERS.flatMap((name) => {
        const value = response.headers.get(name);
        return value === null ? [] : [[name, value] as const];
      });
      storePage(key, kind, { body, nonce, headers: Object.fromEntries(kept) });
      return cachedPage(key);
    })
    .catch(() => null)
    .finally(() => fills.delete(key));
  fills.set(key, fill);
  return null;
}

/** Waits at most `ms` for a promise, then gives up with null. */
export function within<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);
}
