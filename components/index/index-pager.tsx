import Link from "next/link";

export interface IndexPagerProps {
  /** The next page, when there is one. */
  nextHref: string | null;
  /** The first page, when this is not it. */
  firstHref: string | null;
}

/** Forward a page at a time (the list is read by cursor), or back to the start. */
export function IndexPager({ nextHref, firstHref }: IndexPagerProps) {
  if (nextHref === null && firstHref === null) {
    return null;
  }
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3">
      {firstHref === null ? null : (
        <Link href={firstHref} className="btn-secondary">
          <span aria-hidden="true">←</span> First page
        </Link>
      )}
      {nextHref === null ? null : (
        <Link href={nextHref} className="btn-secondary" rel="next">
          Next page <span aria-hidden="true">→</span>
        </Link>
      )}
    </nav>
  );
}
