import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ClassDistribution } from "@/components/index/class-distribution";
import { ExportLinks } from "@/components/index/export-links";
import { IndexFilterForm } from "@/components/index/index-filter-form";
import { IndexPager } from "@/components/index/index-pager";
import { LeaderboardTable } from "@/components/index/leaderboard-table";
import { isApiError } from "@/lib/api/errors";
import { gradeSummary } from "@/lib/report/index-entry";
import { type IndexFilter, type IndexSort, indexQueryString, needsCanonical, parseIndexParams } from "@/lib/report/index-params";
import { indexOverview, leaderboardPage } from "@/lib/server/loaders/leaderboard";

export const metadata: Metadata = {
  title: "Openness index",
  description: "Every model mofscope has audited, ranked by how open its release is under the Model Openness Framework.",
};

interface IndexPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const href = (filter: IndexFilter, sort: IndexSort, cursor: string | null = null, limit?: number) =>
  `/index${indexQueryString(filter, { sort, cursor, ...(limit === undefined ? {} : { limit }) })}`;

function Heading({ children }: { children?: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h1 className="text-3xl font-bold tracking-tight">Openness index</h1>
      <p className="max-w-3xl text-zinc-700 dark:text-zinc-300">
        Every model mofscope has audited, ranked by the Model Openness Framework class its latest audit reached, then by progress toward the next class.{" "}
        {children}
      </p>
    </div>
  );
}

function BadQuery({ message }: { message: string }) {
  return (
    <div className="space-y-6">
      <Heading />
      <div
        role="alert"
        data-testid="index-error"
        className="rounded-md border border-rose-300 bg-rose-50 p-4 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200"
      >
        <p className="font-semibold">That view of the index cannot be shown.</p>
        <p className="text-sm">{message}</p>
      </div>
      <Link href="/index" className="link">
        Show the whole index
      </Link>
    </div>
  );
}

/** The openness index: every audited model, filtered, sorted and paged in SQL. */
export default async function IndexPage({ searchParams }: IndexPageProps) {
  const search = await searchParams;
  const parsed = parseIndexParams(search);
  if (!parsed.ok) {
    return <BadQuery message={parsed.message} />;
  }
  const { filter, sort, cursor, limit } = parsed.params;
  // the URL always reads as the query: a submitted form's blank fields and defaults are dropped
  if (needsCanonical(search)) {
    redirect(href(filter, sort, cursor, limit));
  }
  let page: Awaited<ReturnType<typeof leaderboardPage>>;
  try {
    page = await leaderboardPage({ filter, sort, cursor, limit });
  } catch (error) {
    if (isApiError(error) && error.code === "bad_input") {
      return <BadQuery message={error.message} />;
    }
    throw error;
  }
  const overview = await indexOverview(filter);
  const filtered = Object.keys(filter).length > 0;
  if (!filtered && overview.distribution.total === 0) {
    return (
      <div className="space-y-6">
        <Heading />
        <div className="card space-y-2" data-testid="index-empty">
          <p className="font-semibold">No model has been audited yet.</p>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Audit one by pasting its URL on the{" "}
            <Link href="/" className="link">
              home page
            </Link>
            , or list a whole organisation with <code className="font-mono">mofscope index --author ORG</code>; graded models appear here.
          </p>
        </div>
      </div>
    );
  }
  const query = indexQueryString(filter, { sort });
  return (
    <div className="space-y-6">
      <Heading>
        <span data-testid="index-summary">{gradeSummary(overview.distribution, overview.gap, "model")}</span>
      </Heading>
      <ClassDistribution distribution={overview.distribution} noun={filtered ? "matching models" : "models"} />
      <IndexFilterForm filter={filter} sort={sort} licences={overview.licences} pipelines={overview.pipelines} />
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <p className="text-sm text-zinc-700 dark:text-zinc-300" role="status" data-testid="index-total">
          {page.total === 0
            ? "No audited model matches these filters."
            : `${page.items.length} of ${page.total} ${page.total === 1 ? "model" : "models"}${filtered ? " matching the filters" : ""}${cursor === null ? "" : " (a later page)"}`}
        </p>
        <ExportLinks query={query} />
      </div>
      {page.items.length > 0 ? <LeaderboardTable entries={page.items} sort={sort} sortHref={(s) => href(filter, s)} /> : null}
      <IndexPager
        nextHref={page.nextCursor === null ? null : href(filter, sort, page.nextCursor, limit)}
        firstHref={cursor === null ? null : href(filter, sort, null, limit)}
      />
    </div>
  );
}
