import type { ContentType } from "./components";
import mofLicenses from "./data/mof-licenses.json" with { type: "json" };
import source from "./data/source.json" with { type: "json" };
import spdxLicenses from "./data/spdx-licenses.json" with { type: "json" };

export interface LicenseRecord {
  readonly id: string;
  readonly name: string;
  readonly osiApproved: boolean;
  readonly fsfLibre: boolean;
  readonly deprecated: boolean;
  /** MOF's content types this licence suits; empty for every plain SPDX entry. */
  readonly contentTypes: readonly ContentType[];
}

interface ImportedLicense {
  licenseId: string;
  name: string;
  isOsiApproved?: boolean;
  isFsfLibre?: boolean;
  isDeprecatedLicenseId?: boolean;
  ContentType?: string | string[];
}

// LicenseHandler::OPEN_DATA_LICENSES in MOT: open whatever the SPDX flags say (ODC-PDDL-1.0 is not an SPDX id)
const OPEN_DATA_LICENSES = [
  "CC0-1.0",
  "CC-BY-1.0",
  "CC-BY-2.0",
  "CC-BY-2.5",
  "CC-BY-2.5-AU",
  "CC-BY-3.0",
  "CC-BY-3.0-AT",
  "CC-BY-3.0-AU",
  "CC-BY-3.0-DE",
  "CC-BY-3.0-IGO",
  "CC-BY-3.0-NL",
  "CC-BY-3.0-US",
  "CC-BY-4.0",
  "CC-BY-SA-1.0",
  "CC-BY-SA-2.0",
  "CC-BY-SA-2.0-UK",
  "CC-BY-SA-2.1-JP",
  "CC-BY-SA-2.5",
  "CC-BY-SA-3.0",
  "CC-BY-SA-3.0-AT",
  "CC-BY-SA-4.0",
  "CDLA-Permissive-1.0",
  "CDLA-Permissive-2.0",
  "CDLA-Sharing-1.0",
  "ODC-PDDL-1.0",
  "ODC-By-1.0",
  "ODbL-1.0",
  "GFDL-1.3",
  "OGL-Canada-2.0",
  "OGL-UK-2.0",
  "OGL-UK-3.0",
] as const;

// LicenseHandler::OPEN_LICENSES in MOT
const OPEN_LICENSES = ["OpenMDW-1.0"] as const;

const CONTENT_TYPES: readonly string[] = ["code", "data", "document"];

function toRecord(entry: ImportedLicense): LicenseRecord {
  const types = entry.ContentType === undefined ? [] : [entry.ContentType].flat();
  return {
    id: entry.licenseId,
    name: entry.name,
    osiApproved: entry.isOsiApproved === true,
    fsfLibre: entry.isFsfLibre === true,
    deprecated: entry.isDeprecatedLicenseId === true,
    contentTypes: types.filter((t): t is ContentType => CONTENT_TYPES.includes(t)),
  };
}

// MOT imports the SPDX list, then MOF's list; an id seen again replaces the earlier record whole (so CC0-1.0 ends
// up "document" only), which a Map reproduces
function buildCatalogue(): ReadonlyMap<string, LicenseRecord> {
  const table = new Map<string, LicenseRecord>();
  for (const entry of [...spdxLicenses.licenses, ...mofLicenses.licenses] as ImportedLicense[]) {
    table.set(entry.licenseId, toRecord(entry));
  }
  return table;
}

const catalogue = buildCatalogue();
const openConstants = new Set<string>([...OPEN_DATA_LICENSES, ...OPEN_LICENSES]);

/** Where the lists come from: the MOT commit `npm run refresh:mof-data` noted, and each list's version. */
export const LICENSE_CATALOGUE_SOURCE = {
  upstream: `${source.upstream}@${source.commit}`,
  spdxListVersion: spdxLicenses.licenseListVersion,
  mofListVersion: mofLicenses.licenseListVersion,
} as const;

/** The licence record MOT holds for an exact id, if any. */
export function licenseRecord(id: string): LicenseRecord | undefined {
  return catalogue.get(id);
}

/** MOT's `isOpenSourceLicense`: FSF libre, OSI approved, or on MOT's open lists; exact and case-sensitive. */
export function isOpenLicense(id: string): boolean {
  const record = catalogue.get(id);
  return record?.fsfLibre === true || record?.osiApproved === true || openConstants.has(id);
}

/** MOT's `isTypeAppropriate`: the licence is on MOF's list for that content type. */
export function isTypeAppropriate(id: string, type: ContentType): boolean {
  return catalogue.get(id)?.contentTypes.includes(type) ?? false;
}

/** Every id the catalogue knows, the open constants included. */
export function knownLicenseIds(): string[] {
  return [...new Set([...catalogue.keys(), ...openConstants])];
}
