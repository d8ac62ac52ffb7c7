import type { Report } from "./schema";

export interface ComponentChange {
  cid: number;
  name: string;
  status: { from: string; to: string } | null;
  license: { from: string | null; to: string | null } | null;
}

export interface ReportDiff {
  class: { from: Report["class"]; to: Report["class"] } | null;
  progress: { cls: 1 | 2 | 3; from: number; to: number }[];
  components: ComponentChange[];
  provisional: { from: boolean; to: boolean } | null;
  /** True when nothing a reader would notice changed. */
  same: boolean;
}

/** What changed from one snapshot of a model to a later one. */
export function diffReports(from: Report, to: Report): ReportDiff {
  const progress = ([3, 2, 1] as const)
    .filter((cls) => Math.abs(from.progress[cls] - to.progress[cls]) > 1e-9)
    .map((cls) => ({ cls, from: from.progress[cls], to: to.progress[cls] }));
  const before = new Map(from.components.map((c) => [c.cid, c]));
  const components = to.components.flatMap((after): ComponentChange[] => {
    const old = before.get(after.cid);
    const status = old?.status === after.status ? null : { from: old?.status ?? "absent", to: after.status };
    const license = (old?.license ?? null) === after.license ? null : { from: old?.license ?? null, to: after.license };
    return status || license ? [{ cid: after.cid, name: after.name, status, license }] : [];
  });
  const cls = from.class === to.class ? null : { from: from.class, to: to.class };
  const provisional = from.provisional === to.provisional ? null : { from: from.provisional, to: to.provisional };
  return { class: cls, progress, components, provisional, same: !cls && progress.length === 0 && components.length === 0 && !provisional };
}
