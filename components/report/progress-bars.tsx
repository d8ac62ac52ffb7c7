import { CLASS_NAMES } from "@/lib/mof/components";
import { CLASS_COLOURS, classTitle, formatPercent } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";

export interface ProgressBarsProps {
  progress: Report["progress"];
}

/** Progress towards each class, III first (the easiest), each a bar with its number. */
export function ProgressBars({ progress }: ProgressBarsProps) {
  return (
    <ul className="space-y-3" aria-label="Progress per class">
      {([3, 2, 1] as const).map((cls) => {
        const value = progress[cls];
        return (
          <li key={cls}>
            <div className="mb-1 flex justify-between text-sm">
              <span>
                <span className="font-medium">{classTitle(cls)}</span> <span className="text-zinc-600 dark:text-zinc-400">{CLASS_NAMES[cls]}</span>
              </span>
              <span className="font-mono tabular-nums">{formatPercent(value)}</span>
            </div>
            <div
              role="progressbar"
              aria-label={`${classTitle(cls)} progress`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(value)}
              className="h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
            >
              <div className="h-full rounded-full" style={{ width: `${Math.min(100, Math.max(0, value))}%`, backgroundColor: CLASS_COLOURS[cls] }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
