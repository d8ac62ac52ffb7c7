import type { OsaidStatus, UnknownKind } from "@/lib/frameworks/osaid";
import { osaidView } from "@/lib/frameworks/osaid/display";
import { TONE_CLASSES } from "@/lib/report/display";

export interface OsaidPillProps {
  status: OsaidStatus;
  unknownKinds?: readonly UnknownKind[];
}

/** An OSAID verdict as icon, word and colour together. */
export function OsaidPill({ status, unknownKinds = [] }: OsaidPillProps) {
  const view = osaidView(status, unknownKinds);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[view.tone]}`}
      data-osaid-status={status}
    >
      <span aria-hidden="true">{view.icon}</span>
      {view.label}
    </span>
  );
}
