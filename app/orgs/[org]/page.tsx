import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClassDistribution } from "@/components/index/class-distribution";
import { ExportLinks } from "@/components/index/export-links";
import { IndexPager } from "@/components/index/index-pager";
import { LeaderboardTable } from "@/components/index/leaderboard-table";
import { isApiError } from "@/lib/api/errors";
import { gradeSummary } from "@/lib/report/index-entry";
import { type IndexSort, indexQueryString, orgNameSchema, parseIndexParams } from "@/lib/report/index-params";
import { leaderboardPage, orgOverview } from "@/lib/server/loaders/leaderboard";

interface OrgPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function orgOf(params: OrgPageProps["params"]): Promise<string | null> {
  const { org } = await params;
  let name: string;
  try {
    name = decodeURIComponent(org);
  } catch {
    return null;
  }
  const parsed = orgNameSchema.safeParse(name);
  return parsed.success ? parsed.data : null;
}

export async function generateMetadata({ params }: OrgPageProps): Promise<Metadata> {
  const org = await orgOf(params);
  return { title: org === null ? "Unknown organisation" : `${org}: openness of its releases` };
}

/** One organisation's audited releases with their grades, and how far the releases get as a whole. */
export default async function OrgPage({ params, searchParams }: OrgPageProps) {
  const org = await orgOf(params);
  const overview = org === null ? null : await orgOverview(org);
  if (org === null || overview === null) {
    notFound();
  }
  const parsed = parseIndexParams(await searchParams);
  const sort: IndexSort = parsed.ok ? parsed.params.sort : "openness";
  const cursor = parsed.ok ? parsed.params.cursor : null;
  const filter = { org };
  const here = (s: IndexSort, c: string | null = null) => `/orgs/${encodeURIComponent(org)}${indexQueryString({}, { sort: s, cursor: c })}`;
  let page: Awaited<ReturnType<typeof leaderboardPage>> | null = null;
  let problem = parsed.ok ? null : parsed.message;
  try {
    page = problem === null ? await leaderboardPage({ filter, sort, cursor, limit: 100 }) : null;
  } catch (error) {
    if (!(isApiError(error) && error.code === "bad_input")) {
      throw error;
    }
    problem = error.message;
  }
  const unaudited = Math.max(0, overview.listed - overview.distribution.total);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/index${indexQueryString(filter)}`} className="link">
            Openness index
          </Link>{" "}
          <span aria-hidden="true">›</span> organisation
        </p>
        <h1 className="text-3xl font-bold tracking-tight [overflow-wrap:anywhere]">{org}</h1>
        <p className="max-w-3xl text-zinc-700 dark:text-zinc-300" data-testid="org-summary">
          {gradeSummary(overview.distribution, overview.gap)}
          {unaudited > 0 ? ` ${unaudited} more listed on the Hub ${unaudited === 1 ? "is" : "are"} not audited yet.` : ""}
        </p>
      </div>
      {overview.distribution.total > 0 ? <ClassDistribution distribution={overview.distribution} noun="releases" /> : null}
      {problem === null ? null : (
        <p role="alert" data-testid="index-error" className="text-sm text-rose-900 dark:text-rose-200">
          {problem}{" "}
          <Link href={here("openness")} className="link">
            Start again
          </Link>
        </p>
      )}
      {page && page.items.length > 0 ? (
        <>
          <ExportLinks query={indexQueryString(filter, { sort })} />
          <LeaderboardTable entries={page.items} sort={sort} sortHref={(s) => here(s)} hideOrg />
          <IndexPager nextHref={page.nextCursor === null ? null : here(sort, page.nextCursor)} firstHref={cursor === null ? null : here(sort)} />
        </>
      ) : null}
    </div>
  );
}
