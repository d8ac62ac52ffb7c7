import { licenseRecord, suggestLicenseId } from "@/lib/mof";

// a custom licence is written as prose in MOT ("Llama 2 Community License") and as a LicenseRef by us (LicenseRef-hf-llama2)
function key(id: string): string {
  const canonical = suggestLicenseId(id) ?? id;
  return canonical
    .toLowerCase()
    .replace(/^licenseref-(?:hf-)?/, "")
    .replace(/[^a-z0-9]/g, "")
    .replace(/only$/, "");
}

/** True when a claimed and a found licence name the same licence, allowing for spelling and for custom licences' prose names. */
export function sameLicense(claimed: string, found: string): boolean {
  const a = key(claimed);
  const b = key(found);
  if (a === b) {
    return true;
  }
  // only custom licences (not in the catalogue) may match by prefix: "llama2" in "llama2communitylicense"
  const known = (id: string) => licenseRecord(id) !== undefined || suggestLicenseId(id) !== undefined;
  const custom = !known(claimed) && /^licenseref-/i.test(found);
  return custom && b.length >= 4 && a.startsWith(b);
}
