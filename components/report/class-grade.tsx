import { CLASS_COLOURS, className, classTitle } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";

export interface ClassGradeProps {
  report: Pick<Report, "class" | "provisional">;
}

/** The verdict as a large grade: class number, its MOF name, and a provisional marker when sources failed. */
export function ClassGrade({ report }: ClassGradeProps) {
  const roman = report.class === 0 ? "–" : classTitle(report.class).replace("Class ", "");
  return (
    <div className="flex items-center gap-4">
      <div
        className="flex h-20 w-20 shrink-0 flex-col items-center justify-center rounded-xl text-white shadow-sm"
        style={{ backgroundColor: CLASS_COLOURS[report.class] }}
        aria-hidden="true"
      >
        <span className="text-[0.65rem] font-semibold uppercase tracking-wider">MOF</span>
        <span className="text-3xl font-bold leading-none">{roman}</span>
      </div>
      <div>
        <p className="text-2xl font-bold tracking-tight" data-testid="grade">
          {classTitle(report.class)}
          {report.provisional ? <span className="ml-2 align-middle text-sm font-medium text-violet-700 dark:text-violet-300">(provisional)</span> : null}
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">{className(report.class)}</p>
      </div>
    </div>
  );
}
