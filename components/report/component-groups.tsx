import { Fragment, type ReactNode } from "react";
import { CLASS_NAMES, type MofClass } from "@/lib/mof/components";
import { classTitle } from "@/lib/report/display";

export interface ComponentRow {
  cid: number;
  class: MofClass;
  /** The component's list item: its verdict, or a placeholder while the audit settles it. */
  node: ReactNode;
}

/** The 17 components grouped by the class that first requires them, III first. */
export function ComponentGroups({ rows }: { rows: readonly ComponentRow[] }) {
  return (
    <section aria-labelledby="components-heading">
      <h2 id="components-heading" className="mb-3 text-lg font-semibold">
        The 17 MOF components
      </h2>
      <div className="space-y-6">
        {([3, 2, 1] as const).map((cls) => {
          const members = rows.filter((row) => row.class === cls);
          return (
            <section key={cls} aria-labelledby={`components-class-${cls}`}>
              <h3 id={`components-class-${cls}`} className="text-base font-semibold">
                {classTitle(cls)} · {CLASS_NAMES[cls]} <span className="font-normal text-zinc-600 dark:text-zinc-400">({members.length} components)</span>
              </h3>
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {members.map((row) => (
                  <Fragment key={row.cid}>{row.node}</Fragment>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
