import "server-only";
import { ApiError } from "@/lib/api/errors";
import {
  BadCursorError,
  type ClassDistribution,
  decodeCursor,
  type FacetCount,
  type LeaderboardEntry,
  type LeaderboardPage,
  leaderboardStore,
} from "@/lib/db/leaderboard";
import { csvLine } from "@/lib/report/csv";
import { classTitle } from "@/lib/report/display";
import { type IndexFilter, type IndexParams, MAX_PAGE_SIZE, parseIndexParams } from "@/lib/report/index-params";
import { modelPath } from "@/lib/report/model-ref";
import { siteOrigin } from "@/lib/server/http/origin";

/** The index's query parameters, or the API's 400 naming the bad one. */
export function requireIndexParams(search: URLSearchParams): IndexParams {
  const parsed = parseIndexParams(search);
  if (!parsed.ok) {
    throw new ApiError("bad_input", parsed.message);
  }
  return parsed.params;
}

/**
 * Whether an index page's query reads (every parameter, and a cursor this list gave out for that sort), checked
 * without the database: the edge answers a page whose query does not read with a 400, its notice saying why.
 */
export function indexQueryReads(search: URLSearchParams): boolean {
  const parsed = parseIndexParams(search);
  if (!parsed.ok) {
    return false;
  }
  try {
    if (parsed.params.cursor !== null) {
      decodeCursor(parsed.params.sort, parsed.params.cursor);
    }
    return true;
  } catch {
    return false;
  }
}

/** One page of the leaderboard; a cursor it never gave out is the client's 400. */
export async function leaderboardPage({ filter, sort, cursor, limit }: Pick<IndexParams, "filter" | "sort" | "cursor" | "limit">): Promise<LeaderboardPage> {
  try {
    return await leaderboardStore().page({ filter, sort, cursor, limit });
  } catch (error) {
    if (error instanceof BadCursorError) {
      throw new ApiError("bad_input", `cursor ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`);
    }
    throw error;
  }
}

export interface IndexOverview {
  distribution: ClassDistribution;
  gap: FacetCount | null;
  licences: FacetCount[];
  pipelines: FacetCount[];
}

/** The index's headline figures under a filter, and what the filter form offers. */
export async function indexOverview(filter: IndexFilter = {}): Promise<IndexOverview> {
  const store = leaderboardStore();
  const [distribution, gap, facets] = await Promise.all([store.distribution(filter), store.commonGap(filter), store.facets()]);
  return { distribution, gap, ...facets };
}

/** How many models the index graded, per class: the home page's headline. */
export function indexHeadline(): Promise<ClassDistribution> {
  return leaderboardStore().distribution();
}

export interface OrgOverview {
  org: string;
  distribution: ClassDistribution;
  gap: FacetCount | null;
  /** Releases the Hub listing named, audited or not. */
  listed: number;
}

/** An organisation's figures; null when the index knows nothing of it (neither graded nor listed). */
export async function orgOverview(org: string): Promise<OrgOverview | null> {
  const store = leaderboardStore();
  const name = org.toLowerCase();
  const presence = await store.org(name);
  if (presence.graded === 0 && presence.listed === 0) {
    return null;
  }
  const [distribution, gap] = await Promise.all([store.distribution({ org: name }), store.commonGap({ org: name })]);
  return { org: name, distribution, gap, listed: presence.listed };
}

/** The report page of a listed model. */
export function entryHref(entry: Pick<LeaderboardEntry, "source" | "modelId">): string {
  return modelPath({ source: entry.source, id: entry.modelId });
}

/** An entry as the API sends it: the store's fields and the link to its report page. */
export function entryJson(entry: LeaderboardEntry) {
  return { ...entry, classLabel: classTitle(entry.class), reportUrl: `${siteOrigin()}${entryHref(entry)}` };
}

const CSV_HEADER = [
  "model",
  "source",
  "organisation",
  "class",
  "class_label",
  "next_class",
  "progress_percent",
  "licences",
  "pipeline",
  "downloads",
  "last_audited",
  "stale",
  "provisional",
  "report_url",
];

/** Every model the filter matches as CSV, read a page at a time so memory stays flat however many there are. */
export function leaderboardCsv({ filter, sort }: Pick<IndexParams, "filter" | "sort">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(CSV_HEADER)));
      }
      const page = await leaderboardPage({ filter, sort, cursor, limit: MAX_PAGE_SIZE });
      const lines = page.items.map((e) =>
        csvLine([
          e.modelId,
          e.source,
          e.org,
          e.class,
          classTitle(e.class),
          e.nextClass,
          Math.round(e.progress),
          e.licences.join("; "),
          e.pipeline,
          e.downloads,
          e.auditedAt,
          e.stale,
          e.provisional,
          `${siteOrigin()}${entryHref(e)}`,
        ]),
      );
      controller.enqueue(encoder.encode(lines.join("")));
      cursor = page.nextCursor;
      if (cursor === null) {
        controller.close();
      }
    },
  });
}
