import Link from "next/link";
import { CLASS_COLOURS, classTitle } from "@/lib/report/display";
import { type ClassDistribution, gradedCount } from "@/lib/report/index-entry";

export interface IndexHeadlineProps {
  distribution: ClassDistribution;
}

/** The index in a line of figures: models graded, and how many reach each class. */
export function IndexHeadline({ distribution }: IndexHeadlineProps) {
  const { total, byClass } = distribution;
  if (total === 0) {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="index-headline">
        No model has been graded yet; audited models join the{" "}
        <Link href="/index" className="link">
          openness index
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-3" data-testid="index-headline">
      <p className="text-zinc-700 dark:text-zinc-300">
        <span className="text-2xl font-bold text-zinc-900 tabular-nums dark:text-zinc-100">{total}</span> {total === 1 ? "model" : "models"} graded,{" "}
        {gradedCount(distribution)} of them {gradedCount(distribution) === 1 ? "reaches" : "reach"} {classTitle(3)} or higher.
      </p>
      <ul className="flex flex-wrap gap-2 text-sm">
        {([1, 2, 3, 0] as const).map((cls) => (
          <li key={cls} className="rounded-md border border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
            <span className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: CLASS_COLOURS[cls] }} aria-hidden="true" />
            {classTitle(cls)}: <span className="font-semibold tabular-nums">{byClass[cls]}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/index" className="link font-medium">
          See the openness index <span aria-hidden="true">→</span>
        </Link>
      </p>
    </div>
  );
}
