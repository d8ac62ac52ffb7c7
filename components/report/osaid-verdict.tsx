import type { Osaid } from "@/lib/frameworks/osaid";
import { osaidView } from "@/lib/frameworks/osaid/display";
import { TONE_CLASSES } from "@/lib/report/display";

export interface OsaidVerdictProps {
  osaid: Osaid;
}

/** The OSAID verdict beside the MOF grade: one line and the way to its reasons. */
export function OsaidVerdict({ osaid }: OsaidVerdictProps) {
  const view = osaidView(osaid.verdict, osaid.unknownKinds);
  return (
    <div className="flex items-center gap-4" data-testid="osaid-verdict" data-verdict={osaid.verdict}>
      <div
        className={`flex h-14 w-20 shrink-0 flex-col items-center justify-center rounded-xl ring-1 ring-inset ${TONE_CLASSES[view.tone]}`}
        aria-hidden="true"
      >
        <span className="text-[0.65rem] font-semibold uppercase tracking-wider">OSAID</span>
        <span className="text-xl font-bold leading-none">{view.icon}</span>
      </div>
      <div className="min-w-0 text-sm">
        <p className="font-semibold">
          Open Source AI Definition {osaid.definition.version}: <span data-testid="osaid-word">{view.label}</span>
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">
          {osaid.reason}{" "}
          <a href="#osaid" className="link">
            Requirements
          </a>
        </p>
      </div>
    </div>
  );
}
