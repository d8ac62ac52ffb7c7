import { licenseRecord } from "@/lib/mof";
import type { Report } from "./schema";

/** The licence ids in a report that are SPDX ids (they get a link to spdx.org; other ids do not). */
export function spdxIdsIn(report: Pick<Report, "components">): string[] {
  const ids = new Set(report.components.flatMap((c) => [c.license, ...c.licenses.map((l) => l.id)]).filter((id): id is string => id !== null));
  return [...ids].filter(isSpdxId).sort();
}

/** True for an id on the SPDX licence list (not a LicenseRef, not a licence only MOF lists). */
export function isSpdxId(id: string): boolean {
  return !id.startsWith("LicenseRef-") && licenseRecord(id) !== undefined && !NON_SPDX.has(id);
}

// on MOF's own list but not an SPDX id, so spdx.org has no page for it
const NON_SPDX = new Set(["OpenMDW-1.0"]);
