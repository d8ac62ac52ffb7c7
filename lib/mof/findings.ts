import type { ComponentSpec } from "./components";
import { COMPONENTS, componentByCid, componentByName } from "./components";
import { isOpenLicense, licenseRecord } from "./license-catalogue";
import { suggestLicenseId } from "./license-suggest";
import type { MofComponentEntry, MofRecord } from "./record";
import type { ResolvedLicense } from "./resolve";
import { UNLICENSED } from "./resolve";
import type { ComponentResult, Warning } from "./types";

interface ListedEntry {
  readonly entry: MofComponentEntry;
  readonly index: number;
  readonly resolved: ResolvedLicense;
}

// MOT hides every record dated before this day from its model list (scripts/hide-models.php)
const MOT_VISIBLE_FROM = "2025-01-01";

function closestComponentName(name: string): string | undefined {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ");
  return COMPONENTS.find((c) => c.name.toLowerCase() === key || c.name.toLowerCase().startsWith(key))?.name;
}

function nameWarnings(record: MofRecord): Warning[] {
  const warnings: Warning[] = [];
  const seen = new Map<number, number>();
  record.release.components.forEach((entry, index) => {
    const spec = entry.name === undefined ? undefined : componentByName(entry.name);
    const path = `release.components[${index}].name`;
    if (spec === undefined) {
      const hint = entry.name === undefined ? undefined : closestComponentName(entry.name);
      const written = entry.name === undefined ? "This component has no name" : `"${entry.name}" is not a MOF component name`;
      warnings.push({
        code: "unknown-component-name",
        path,
        cid: 15,
        message: `${written}; MOT counts it as "Datasets".${hint ? ` Did you mean "${hint}"?` : " Use one of the 17 exact names."}`,
      });
    }
    const cid = spec?.cid ?? 15;
    const earlier = seen.get(cid);
    if (earlier !== undefined) {
      warnings.push({
        code: "duplicate-component",
        path,
        cid,
        message: `"${componentByCid(cid)?.name}" is listed twice (components ${earlier} and ${index}); MOT keeps only the last entry.`,
      });
    }
    seen.set(cid, index);
  });
  return warnings;
}

function licensePath(spec: ComponentSpec, item: ListedEntry): string {
  switch (item.resolved.source) {
    case "component":
      return `release.components[${item.index}].license`;
    case "global-type":
      return `release.license.${spec.type}.name`;
    default:
      return `release.license.distribution.name`;
  }
}

function licenseWarning(license: string, path: string): Warning | undefined {
  if (license === UNLICENSED || licenseRecord(license) !== undefined || isOpenLicense(license)) {
    return undefined;
  }
  const suggestion = suggestLicenseId(license);
  const fix = suggestion ? ` Write "${suggestion}"${isOpenLicense(suggestion) ? ", which MOT counts as open" : ""}.` : "";
  if (license.trim() !== license || (/\s/.test(license) && suggestion !== undefined)) {
    return { code: "license-whitespace", path, message: `"${license}" contains spaces, so it matches no SPDX id and MOT counts it as not open.${fix}` };
  }
  if (suggestion !== undefined && suggestion.toLowerCase() === license.toLowerCase()) {
    return { code: "license-case", path, message: `"${license}" is not an SPDX id as written (ids are case-sensitive), so MOT counts it as not open.${fix}` };
  }
  return { code: "unknown-license", path, message: `"${license}" is not in MOT's licence list, so MOT counts it as not open.${fix}` };
}

function licenseWarnings(record: MofRecord, listed: ReadonlyMap<number, ListedEntry>): Warning[] {
  const byPath = new Map<string, Warning>();
  for (const [cid, item] of listed) {
    const spec = componentByCid(cid) as ComponentSpec;
    const path = licensePath(spec, item);
    const warning = byPath.has(path) ? undefined : licenseWarning(item.resolved.license, path);
    if (warning) {
      byPath.set(path, warning);
    }
    const global = record.release.license;
    const inherited = global[spec.type]?.name || global.distribution?.name;
    if (item.resolved.source === "component" && item.resolved.license === UNLICENSED && inherited) {
      byPath.set(`${path}#override`, {
        code: "unlicensed-overrides-global",
        path,
        cid,
        message: `"${spec.name}" is marked unlicensed, which overrides the global licence "${inherited}"; remove its license field to inherit it.`,
      });
    }
  }
  return [...byPath.values()];
}

function componentWarnings(components: readonly ComponentResult[]): Warning[] {
  return components.flatMap((c): Warning[] => {
    const path = c.entryIndex === null ? "release.components" : `release.components[${c.entryIndex}]`;
    if (!c.typeAppropriate) {
      return [
        {
          code: "not-type-appropriate",
          path,
          cid: c.cid,
          message: `${c.name} (${c.type}) has the open licence ${c.license}, which MOF does not list as suited to ${c.type}; it still counts.`,
        },
      ];
    }
    if (c.substitutedBy !== null) {
      return [
        {
          code: "report-substituted-by-paper",
          path,
          cid: c.cid,
          message: `${c.name} is not included; MOT lets the listed ${componentByCid(c.substitutedBy)?.name} stand in for it at Classes III and II.`,
        },
      ];
    }
    return [];
  });
}

function releaseWarnings(record: MofRecord): Warning[] {
  const warnings: Warning[] = [];
  if (record.release.date !== undefined && record.release.date < MOT_VISIBLE_FROM) {
    warnings.push({
      code: "hidden-by-date",
      path: "release.date",
      message: `MOT hides records dated before ${MOT_VISIBLE_FROM}; this one is dated ${record.release.date}.`,
    });
  }
  if (/\s/.test(record.release.name)) {
    warnings.push({
      code: "name-whitespace",
      path: "release.name",
      message: `MOT's forms refuse a name with spaces ("${record.release.name}"); its sync accepts it.`,
    });
  }
  return warnings;
}

/** Everything MOT accepts silently that a producer should still fix, plus MOT's own type warnings. */
export function recordWarnings(record: MofRecord, components: readonly ComponentResult[], listed: ReadonlyMap<number, ListedEntry>): Warning[] {
  return [...nameWarnings(record), ...licenseWarnings(record, listed), ...componentWarnings(components), ...releaseWarnings(record)];
}
