import { ComponentItem } from "@/components/report/component-item";
import type { AuditProgress } from "@/lib/audit";
import type { ComponentSpec } from "@/lib/mof/components";
import { spdxIdsIn } from "@/lib/report/spdx-ids";
import type { LatestResult } from "@/lib/server/loaders/latest-report";

interface SettledComponentProps {
  progress: AuditProgress;
  /** What the page shows in the end: when the audit fails, the stored snapshot it falls back on, if any. */
  result: Promise<LatestResult>;
  spec: ComponentSpec;
}

/** One component of a running audit, rendered once the sources it depends on have answered. */
export async function SettledComponent({ progress, result, spec }: SettledComponentProps) {
  const row = (await progress.component(spec.cid)) ?? (await result).report?.components.find((c) => c.cid === spec.cid) ?? null;
  if (row === null) {
    return (
      <li className="py-3" data-testid="component-unsettled" data-cid={spec.cid}>
        <h4 className="font-medium">{spec.name}</h4>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Not checked: the audit stopped before it got here.</p>
      </li>
    );
  }
  return <ComponentItem component={row} spdxIds={spdxIdsIn({ components: [row] })} />;
}
