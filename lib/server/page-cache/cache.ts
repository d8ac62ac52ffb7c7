import { LRUCache } from "lru-cache";
import { INTERNAL_HEADER, innerRequestHeaders, isInternal } from "@/lib/server/http/internal";
import { hashPolicy, trustedScriptHashes } from "@/lib/server/http/security-headers";
import { type EncodedBodies, encodeBody } from "./encoding";

/**
 * Rendered public pages kept briefly in this process and served again without a render, so a report that is already
 * stored costs only writing bytes. Only finished report pages are kept (they carry `data-snapshot-id`, no audit
 * error and no placeholder of a running audit).
 */

export interface CachedPage {
  readonly bodies: EncodedBodies;
  /** The response headers replayed on every serve: type, caching and security policy. */
  readonly headers: Readonly<Record<string, string>>;
  readonly expires: number;
}

const KEPT_HEADERS = ["content-type", "cache-control", "content-security-policy"] as const;

/** Requests that fill the cache carry this header (with the process's secret), so they are rendered instead of served from the cache. */
export const FILL_HEADER = "x-mofscope-fill";

/** Marks a response served from the cache. */
export const HIT_HEADER = "x-mofscope-page-cache";

/** Bytes of stored bodies (every encoding) kept at most; the least recently served pages go first. */
const MAX_BYTES = 64 * 1024 * 1024;
// a report page may change when its model is re-audited (invalidated then) or when its snapshot goes stale
const TTL_MS: Record<PageKind, number> = { report: 60_000, permalink: 600_000, record: 600_000, badge: 60_000 };

type PageKind = "report" | "permalink" | "record" | "badge";

const KINDS: readonly [RegExp, PageKind][] = [
  [/^\/models\/[^/]+\/[^/]+$/, "report"],
  [/^\/r\/[0-9A-Za-z]{10}$/, "permalink"],
  [/^\/mot\/[^/]+$/, "record"],
  [/^\/badge\/[^/]+\/[^/]+\.svg$/, "badge"],
];

/** One process's cached pages and the renders filling them; `createPageStore` makes more for tests of several instances. */
export interface PageStore {
  readonly pages: LRUCache<string, CachedPage>;
  readonly fills: Map<string, Promise<CachedPage | null>>;
}

/** An empty page store holding at most `maxBytes` of bodies. */
export function createPageStore(maxBytes = MAX_BYTES): PageStore {
  return {
    pages: new LRUCache<string, CachedPage>({
      maxSize: maxBytes,
      sizeCalculation: ({ bodies }) => Math.max(1, bodies.br.length + bodies.gzip.length + bodies.identity.length),
    }),
    fills: new Map(),
  };
}

// the server in front of Next and Next's own bundles each load this module, so the store lives on globalThis
const globalForPages = globalThis as unknown as { mofscopePageStore?: PageStore };
globalForPages.mofscopePageStore ??= createPageStore();
const processStore = globalForPages.mofscopePageStore;

/**
 * The key a page is kept under: model ids are case-insensitive (as `modelKey` says), so every case variant of a
 * model's report page or badge is one entry, and invalidating the model drops them all.
 */
export function pageCacheKey(path: string): string {
  return /^\/(models|badge)\//.test(path) ? path.toLowerCase() : path;
}

/** The kind of a cacheable page for a GET of this path and query, or null. */
export function pageKind(pathname: string, search: string): PageKind | null {
  if (search !== "" && search !== "?") {
    return null;
  }
  return KINDS.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** True for this process's own fill request; a client that sends the header is answered like any other. */
export function isFill(header: (name: string) => string | null | undefined): boolean {
  return header(FILL_HEADER) != null && isInternal(header(INTERNAL_HEADER));
}

/**
 * The kind of page a request may be answered with from the cache, or null. Client-side navigations ask for the
 * page's RSC payload at the same path (with an `rsc` header), and the fill itself must render.
 */
export function cacheableRequest(method: string | undefined, url: string, header: (name: string) => string | null | undefined): PageKind | null {
  if (method !== "GET" || header("rsc") != null || header("next-router-prefetch") != null || isFill(header)) {
    return null;
  }
  const query = url.indexOf("?");
  return query === -1 ? pageKind(url, "") : pageKind(url.slice(0, query), url.slice(query));
}

/** The page kept for this path, unless it has expired. */
export function cachedPage(path: string, now = Date.now(), store = processStore): CachedPage | null {
  const key = pageCacheKey(path);
  const page = store.pages.get(key);
  if (page === undefined || page.expires <= now) {
    store.pages.delete(key);
    return null;
  }
  return page;
}

/** Keeps a rendered page for its kind's lifetime, within the store's byte budget. */
export function storePage(path: string, kind: PageKind, page: Omit<CachedPage, "expires">, now = Date.now(), store = processStore): void {
  store.pages.set(pageCacheKey(path), { ...page, expires: now + TTL_MS[kind] });
}

/**
 * Drops every cached page of a model (any case of its id) once a new snapshot of it is stored, here or by another
 * instance. A render of those pages already under way began before the snapshot: it is let go (a fill stores its
 * page only while it is still the key's fill), and the next miss starts a fresh one.
 */
export function invalidateModelPages(modelId: string, store = processStore): void {
  for (const path of [`/models/${modelId}`, `/badge/${modelId}.svg`]) {
    const key = pageCacheKey(path);
    store.pages.delete(key);
    store.fills.delete(key);
  }
}

/** Drops the pages of models by their snapshot key (`source:id`), as the snapshot watch reports them. */
export function invalidateModelKeys(modelKeys: readonly string[], store = processStore): void {
  for (const key of modelKeys) {
    invalidateModelPages(key.slice(key.indexOf(":") + 1), store);
  }
}

/**
 * The headers a rendered page is served again with. A page rendered under a nonce policy gets the hash policy of the
 * scripts that carried that nonce; a route's own policy (the badges') is kept as it is.
 */
export function replayedHeaders(body: string, headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) {
      kept[name] = value;
    }
  }
  const nonce = /'nonce-([^']+)'/.exec(kept["content-security-policy"] ?? "")?.[1];
  if (nonce !== undefined) {
    kept["content-security-policy"] = hashPolicy(trustedScriptHashes(body, nonce));
  }
  return kept;
}

/**
 * Renders the page once in the background (one fill per key at a time), as `client` so any audit it causes is that
 * client's, and keeps it if it is a complete report. Returns the fill already under way, if any, so a crowd of misses
 * waits for one render instead of each rendering.
 */
export function fillInBackground(path: string, kind: PageKind, origin: string, client: string): Promise<CachedPage | null> | null {
  const { fills } = processStore;
  const key = pageCacheKey(path);
  const running = fills.get(key);
  if (running) {
    return running;
  }
  const headers = { ...innerRequestHeaders(client), [FILL_HEADER]: "1" };
  const fill: Promise<CachedPage | null> = fetch(`${origin}${path}`, { headers, signal: AbortSignal.timeout(30_000) })
    .then(async (response) => {
      const body = await response.text();
      // a page that shows an audit error (a stale report with a notice) is never kept, nor one rendered while its
      // audit ran (its placeholders and the scripts that replaced them would be served again); the next fill is stored
      const complete =
        kind === "badge" ||
        (body.includes("data-snapshot-id=") && !body.includes('data-testid="audit-error"') && !body.includes('data-testid="component-pending"'));
      if (response.status !== 200 || !complete) {
        return null;
      }
      const bodies = await encodeBody(body);
      // checked after the last await, so no re-audit can land between the check and the store
      if (fills.get(key) !== fill) {
        return null;
      }
      storePage(path, kind, { bodies, headers: replayedHeaders(body, response.headers) });
      return cachedPage(path);
    })
    .catch(() => null)
    .finally(() => {
      if (fills.get(key) === fill) {
        fills.delete(key);
      }
    });
  fills.set(key, fill);
  return null;
}

/** Waits at most `ms` for a promise, then gives up with null. */
export function within<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);
}
