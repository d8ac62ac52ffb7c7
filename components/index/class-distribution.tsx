import { CLASS_NAMES } from "@/lib/mof/components";
import { CLASS_COLOURS, classTitle } from "@/lib/report/display";
import type { ClassDistribution as Distribution } from "@/lib/report/index-entry";

export interface ClassDistributionProps {
  distribution: Distribution;
  /** What the models are called in the caption ("models", "releases"). */
  noun?: string;
}

// the most open class first, as the leaderboard ranks them
const ORDER = [1, 2, 3, 0] as const;

/** How many models reach each class: a bar per class, each with its count and share written out beside it. */
export function ClassDistribution({ distribution, noun = "models" }: ClassDistributionProps) {
  const { total, byClass } = distribution;
  const widest = Math.max(1, ...ORDER.map((cls) => byClass[cls]));
  return (
    <figure className="card space-y-3" data-testid="class-distribution">
      <figcaption className="text-sm font-semibold">
        Class distribution of {total} {noun}
      </figcaption>
      <ul className="space-y-2">
        {ORDER.map((cls) => {
          const count = byClass[cls];
          const share = total === 0 ? 0 : Math.round((count / total) * 100);
          return (
            <li key={cls} className="grid grid-cols-[6.5rem_1fr_5rem] items-center gap-x-3 sm:grid-cols-[12rem_1fr_7rem]" data-class={cls}>
              <span className="text-sm">
                <span className="font-medium">{classTitle(cls)}</span>
                {cls === 0 ? null : <span className="hidden text-zinc-600 sm:inline dark:text-zinc-400"> {CLASS_NAMES[cls]}</span>}
              </span>
              <span className="h-3 overflow-hidden rounded-sm bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
                <span className="block h-full rounded-sm" style={{ width: `${(count / widest) * 100}%`, backgroundColor: CLASS_COLOURS[cls] }} />
              </span>
              <span className="text-right text-sm tabular-nums">
                {count} <span className="text-zinc-600 dark:text-zinc-400">({share}%)</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
