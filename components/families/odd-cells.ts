import type { FamilyVariant } from "@/lib/families";
import type { ReportStatus } from "@/lib/report/schema";

const STATUSES = new Set<string>(["included", "missing", "unlicensed", "invalid", "optional", "unknown"]);

/** A variant's status as the report components show it; a component a variant does not list is missing. */
export const asStatus = (value: string | undefined): ReportStatus => (value !== undefined && STATUSES.has(value) ? (value as ReportStatus) : "missing");

/** `variantKey \0 component` of each cell that sets a variant apart: unlike the majority status, or every cell where there is none. */
export function oddCells(variants: readonly Pick<FamilyVariant, "key" | "statuses">[], components: readonly string[]): Set<string> {
  const odd = new Set<string>();
  for (const component of components) {
    const tally = new Map<ReportStatus, number>();
    for (const v of variants) {
      const status = asStatus(v.statuses[component]);
      tally.set(status, (tally.get(status) ?? 0) + 1);
    }
    const majority = [...tally].find(([, n]) => n * 2 > variants.length)?.[0];
    for (const v of variants) {
      if (majority === undefined || asStatus(v.statuses[component]) !== majority) {
        odd.add(`${v.key}\u0000${component}`);
      }
    }
  }
  return odd;
}
