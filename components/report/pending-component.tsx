import type { ComponentSpec } from "@/lib/mof/components";
import { ComponentHeading } from "./component-heading";

/** The grey of every placeholder. */
export const SKELETON_BAR = "rounded bg-zinc-200 dark:bg-zinc-800";

/** A component the audit has not settled yet: its name, and placeholders where its verdict will go. */
export function PendingComponent({ spec }: { spec: ComponentSpec }) {
  return (
    <li className="py-3" data-testid="component-pending" data-cid={spec.cid} aria-busy="true">
      <ComponentHeading
        component={spec}
        status={
          <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium text-zinc-700 ring-1 ring-inset ring-zinc-300 dark:text-zinc-300 dark:ring-zinc-700">
            <span aria-hidden="true" className="motion-safe:animate-spin">
              ◌
            </span>
            Checking
          </span>
        }
      />
      <div className={`mt-1 h-5 w-2/3 animate-pulse motion-reduce:animate-none ${SKELETON_BAR}`} />
    </li>
  );
}
