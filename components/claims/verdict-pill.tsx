import type { ClaimVerdict } from "@/lib/claims";
import { TONE_CLASSES, type Tone } from "@/lib/report/display";

const VERDICTS: Record<ClaimVerdict, { label: string; icon: string; tone: Tone }> = {
  claimed_and_found: { label: "Agrees", icon: "✓", tone: "ok" },
  license_differs: { label: "Licence differs", icon: "≠", tone: "warn" },
  claimed_not_found: { label: "Claimed, not found", icon: "✗", tone: "bad" },
  found_not_claimed: { label: "Found, not claimed", icon: "+", tone: "warn" },
  claimed_unknown: { label: "Could not check", icon: "?", tone: "unknown" },
  unclaimed_unknown: { label: "Not claimed; not checked", icon: "?", tone: "unknown" },
  agree_missing: { label: "Neither has it", icon: "–", tone: "neutral" },
};

/** True when the verdict is something the producer should fix. */
export const isDisagreement = (verdict: ClaimVerdict) => ["license_differs", "claimed_not_found", "found_not_claimed"].includes(verdict);

export interface VerdictPillProps {
  verdict: ClaimVerdict;
}

/** A claim's verdict as icon, words and colour. */
export function VerdictPill({ verdict }: VerdictPillProps) {
  const view = VERDICTS[verdict];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full sm:whitespace-nowrap px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[view.tone]}`}
    >
      <span aria-hidden="true">{view.icon}</span>
      {view.label}
    </span>
  );
}
