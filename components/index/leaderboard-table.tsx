import Link from "next/link";
import { AuditLink } from "@/components/audit-link";
import { CLASS_COLOURS, classTitle, formatPercent } from "@/lib/report/display";
import type { LeaderboardEntry } from "@/lib/report/index-entry";
import type { IndexSort } from "@/lib/report/index-params";
import { modelPath } from "@/lib/report/model-ref";

export interface LeaderboardTableProps {
  entries: readonly LeaderboardEntry[];
  sort: IndexSort;
  /** The link that shows the same models in another order. */
  sortHref: (sort: IndexSort) => string;
  /** Leave out the organisation column (an organisation's own page). */
  hideOrg?: boolean;
}

const numberFormat = new Intl.NumberFormat("en");

function SortHeader({ sort, current, href, children, className }: { sort: IndexSort; current: IndexSort; href: string; children: string; className: string }) {
  return (
    <th scope="col" className={className} aria-sort={sort === current ? "descending" : undefined}>
      {sort === current ? (
        <span>
          {children} <span aria-hidden="true">↓</span>
        </span>
      ) : (
        <Link href={href} className="link">
          {children}
        </Link>
      )}
    </th>
  );
}

/** One page of the leaderboard; licences, pipeline and dates give way to the name and grade on a phone. */
export function LeaderboardTable({ entries, sort, sortHref, hideOrg = false }: LeaderboardTableProps) {
  const cell = "border-b border-zinc-200 px-2 py-2 align-top sm:px-3 dark:border-zinc-800";
  return (
    <table className="w-full table-fixed border-collapse text-left text-sm sm:table-auto" data-testid="leaderboard">
      <thead>
        <tr className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          <th scope="col" className={`${cell} w-[55%] sm:w-auto`}>
            Model
          </th>
          <SortHeader sort="openness" current={sort} href={sortHref("openness")} className={cell}>
            Class
          </SortHeader>
          <th scope="col" className={`${cell} hidden md:table-cell`}>
            Licences
          </th>
          <th scope="col" className={`${cell} hidden lg:table-cell`}>
            Pipeline
          </th>
          <SortHeader sort="downloads" current={sort} href={sortHref("downloads")} className={`${cell} hidden text-right sm:table-cell`}>
            Downloads
          </SortHeader>
          <SortHeader sort="audited" current={sort} href={sortHref("audited")} className={`${cell} hidden sm:table-cell`}>
            Audited
          </SortHeader>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.source}:${entry.modelId}`} data-testid="leaderboard-row" data-class={entry.class}>
            <td className={`${cell} [overflow-wrap:anywhere]`}>
              <AuditLink href={modelPath({ source: entry.source, id: entry.modelId })} className="link font-medium">
                {entry.modelId}
              </AuditLink>
              <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
                {hideOrg ? null : (
                  <Link href={`/orgs/${encodeURIComponent(entry.org)}`} className="link">
                    {entry.org}
                  </Link>
                )}
                {entry.source === "github" ? <span>GitHub</span> : null}
                {entry.stale ? (
                  <span className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-900 ring-1 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200">
                    stale: newer commit
                  </span>
                ) : null}
                {entry.pipeline ? <span className="lg:hidden">{entry.pipeline}</span> : null}
              </span>
            </td>
            <td className={cell}>
              <span className="whitespace-nowrap">
                <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: CLASS_COLOURS[entry.class] }} aria-hidden="true" />
                {classTitle(entry.class)}
              </span>
              <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">
                {entry.nextClass === null ? "top class" : `${formatPercent(entry.progress)} to ${classTitle(entry.nextClass)}`}
                {entry.provisional ? " · provisional" : null}
              </span>
            </td>
            <td className={`${cell} hidden font-mono text-xs md:table-cell [overflow-wrap:anywhere]`}>{entry.licences.join(", ") || "—"}</td>
            <td className={`${cell} hidden text-xs lg:table-cell`}>{entry.pipeline ?? "—"}</td>
            <td className={`${cell} hidden text-right tabular-nums sm:table-cell`}>{entry.downloads === null ? "—" : numberFormat.format(entry.downloads)}</td>
            <td className={`${cell} hidden whitespace-nowrap tabular-nums sm:table-cell`}>
              <time dateTime={entry.auditedAt}>{entry.auditedAt.slice(0, 10)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
