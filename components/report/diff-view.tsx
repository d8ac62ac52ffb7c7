import type { ReportDiff } from "@/lib/report/diff";
import { classTitle, formatPercent } from "@/lib/report/display";

export interface DiffViewProps {
  diff: ReportDiff;
}

/** The changes between two snapshots, in words. */
export function DiffView({ diff }: DiffViewProps) {
  if (diff.same) {
    return <p data-testid="diff">No change in class, progress or any component.</p>;
  }
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="diff">
      {diff.class ? (
        <li>
          Class: <strong>{classTitle(diff.class.from)}</strong> → <strong>{classTitle(diff.class.to)}</strong>
        </li>
      ) : null}
      {diff.provisional ? <li>{diff.provisional.to ? "The grade became provisional." : "The grade is no longer provisional."}</li> : null}
      {diff.progress.map((p) => (
        <li key={p.cls}>
          {classTitle(p.cls)} progress: {formatPercent(p.from)} → {formatPercent(p.to)}
        </li>
      ))}
      {diff.components.map((c) => (
        <li key={c.cid}>
          {c.name}: {c.status ? `${c.status.from} → ${c.status.to}` : null}
          {c.status && c.license ? "; " : null}
          {c.license ? `licence ${c.license.from ?? "none"} → ${c.license.to ?? "none"}` : null}
        </li>
      ))}
    </ul>
  );
}
