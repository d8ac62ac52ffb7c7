import type { ComponentSpec } from "./components";
import type { GlobalLicenses, MofComponentEntry } from "./record";

/** Where a component's resolved licence came from (MOT §3). */
export type LicenseSource = "component" | "global-type" | "global-distribution" | "none";

export interface ResolvedLicense {
  /** The licence id, or `unlicensed` when none applies (MOT's literal). */
  readonly license: string;
  readonly source: LicenseSource;
}

export const UNLICENSED = "unlicensed";

// PHP's empty(): MOT skips '' and '0' alike
function isBlank(value: string | null | undefined): value is "" | "0" | null | undefined {
  return value === undefined || value === null || value === "" || value === "0";
}

/** MOT's licence resolution: own licence, else the global licence of its type, else the distribution licence. */
export function resolveLicense(spec: ComponentSpec, entry: MofComponentEntry, global: GlobalLicenses): ResolvedLicense {
  if (entry.license !== undefined) {
    // a component's own `unlicensed` or blank licence never falls back to the global ones
    const own = entry.license === UNLICENSED || isBlank(entry.license) ? UNLICENSED : entry.license;
    return { license: own, source: "component" };
  }
  const typed = global[spec.type]?.name;
  if (!isBlank(typed)) {
    return { license: typed, source: "global-type" };
  }
  const distribution = global.distribution?.name;
  if (!isBlank(distribution)) {
    return { license: distribution, source: "global-distribution" };
  }
  return { license: UNLICENSED, source: "none" };
}
