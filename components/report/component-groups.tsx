import { CLASS_NAMES } from "@/lib/mof/components";
import { classTitle } from "@/lib/report/display";
import type { ReportComponent } from "@/lib/report/schema";
import { ComponentItem } from "./component-item";

export interface ComponentGroupsProps {
  components: readonly ReportComponent[];
  spdxIds: readonly string[];
}

/** The 17 components grouped by the class that first requires them, III first. */
export function ComponentGroups({ components, spdxIds }: ComponentGroupsProps) {
  return (
    <div className="space-y-6">
      {([3, 2, 1] as const).map((cls) => {
        const members = components.filter((c) => c.class === cls);
        return (
          <section key={cls} aria-labelledby={`components-class-${cls}`}>
            <h3 id={`components-class-${cls}`} className="text-base font-semibold">
              {classTitle(cls)} · {CLASS_NAMES[cls]} <span className="font-normal text-zinc-600 dark:text-zinc-400">({members.length} components)</span>
            </h3>
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {members.map((c) => (
                <ComponentItem key={c.cid} component={c} spdxIds={spdxIds} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
