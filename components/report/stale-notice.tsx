import { type Staleness, staleNoticeText } from "@/lib/report/freshness";
import { ReauditForm } from "./reaudit-form";

/** Above a stored report whose model has moved on: when it changed, and the button that audits it again. */
export function StaleNotice({ stale, action }: { stale: Staleness; action: string }) {
  return (
    <div
      role="status"
      data-testid="stale-notice"
      className="flex flex-wrap items-center gap-3 rounded-md border-l-4 border-zinc-500 bg-zinc-100 p-3 text-sm text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <p>{staleNoticeText(stale)}</p>
      <ReauditForm action={action} label="Re-audit" />
    </div>
  );
}
