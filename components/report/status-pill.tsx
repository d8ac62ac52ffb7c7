import { statusView, TONE_CLASSES } from "@/lib/report/display";
import type { ReportComponent } from "@/lib/report/schema";

export interface StatusPillProps {
  component: Pick<ReportComponent, "status" | "required">;
}

/** A component's status as icon, word and colour together. */
export function StatusPill({ component }: StatusPillProps) {
  const view = statusView(component);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[view.tone]}`}
    >
      <span aria-hidden="true">{view.icon}</span>
      {view.label}
    </span>
  );
}
