import Link from "next/link";
import { lastPage, type ModelsParams, modelsHref, pageWindow } from "@/lib/registry/models-url";

export interface PaginationProps {
  params: ModelsParams;
  total: number;
}

/** Previous, the pages around this one, next; plain links that keep the filters. */
export function Pagination({ params, total }: PaginationProps) {
  const last = lastPage(total);
  if (last === 1) {
    return null;
  }
  const item = "inline-flex min-w-9 items-center gap-1 justify-center rounded-md border px-2 py-1 text-sm";
  const idle = `${item} border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900`;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-1.5">
      {params.page > 1 ? (
        <Link href={modelsHref(params, { page: params.page - 1 })} className={idle} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : null}
      <ul className="flex flex-wrap gap-1.5">
        {pageWindow(params.page, last).map((page, index) =>
          page === null ? (
            <li key={`gap-${index}`} className="px-1 text-zinc-500" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={page}>
              {page === params.page ? (
                <span
                  aria-current="page"
                  className={`${item} border-blue-700 bg-blue-700 font-semibold text-white dark:border-sky-400 dark:bg-sky-400 dark:text-zinc-950`}
                >
                  <span className="sr-only">Page </span>
                  {page}
                </span>
              ) : (
                <Link href={modelsHref(params, { page })} className={idle} aria-label={`Page ${page}`}>
                  {page}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {params.page < last ? (
        <Link href={modelsHref(params, { page: params.page + 1 })} className={idle} rel="next">
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
