import { AuditLink } from "@/components/audit-link";
import { classTitle, formatTime } from "@/lib/report/display";
import { modelPath } from "@/lib/report/model-ref";
import type { SnapshotSummary } from "@/lib/report/snapshot-summary";

export interface RecentModelsProps {
  items: readonly SnapshotSummary[];
}

/** The latest audit of each recently audited model. */
export function RecentModels({ items }: RecentModelsProps) {
  if (items.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No audits yet. Paste a URL above or try an example.</p>;
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="recent-models">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
          <AuditLink href={modelPath({ source: item.source === "github" ? "github" : "hf", id: item.modelId })} className="link font-medium">
            {item.modelId}
          </AuditLink>
          <span className="text-sm">
            <span className="font-medium">{classTitle(item.class)}</span>
            {item.provisional ? " (provisional)" : ""}
            <span className="text-zinc-600 dark:text-zinc-400"> · {formatTime(item.createdAt)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
