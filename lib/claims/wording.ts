import type { LicenseFinding, Report } from "@/lib/report/schema";
import type { ClaimComparison, ComponentClaim } from "./types";
import { lookContext, whereLooked } from "./where-looked";

// "allenai/dolma" from a dataset card URL, "allenai/OLMo" from a GitHub one, "arXiv:2402.00838" from a paper
function subjectOf(url: string): string | null {
  const dataset = /\/datasets\/([^/#?]+\/[^/#?]+)/.exec(url)?.[1];
  const github = /github\.com\/([^/#?]+\/[^/#?]+)/.exec(url)?.[1];
  const arxiv = /arxiv\.org\/abs\/([^/#?]+)/.exec(url)?.[1];
  return dataset ?? github ?? (arxiv ? `arXiv:${arxiv}` : null);
}

function saysLicense(finding: LicenseFinding): string {
  const subject = subjectOf(finding.url);
  // the evidence layer writes a source that names no determinable licence as "none (<what it says>)"
  const none = /^none \((.*)\)$/.exec(finding.id)?.[1];
  const says = none === undefined ? `says ${finding.id}` : `names no licence we can determine (${none})`;
  return `the ${finding.from}${subject ? ` of ${subject}` : ""} ${says}${finding.url ? ` <${finding.url}>` : ""}`;
}

function claimText(c: ComponentClaim): string {
  const license = c.claimed.license;
  if (license === "unlicensed") {
    return `Your MOT record lists ${c.name} as unlicensed`;
  }
  return `Your MOT record claims ${c.name}${license ? ` under ${license}` : ""}`;
}

function foundLicenseText(license: string | null): string {
  if (license === null) {
    return "";
  }
  return license === "unlicensed" ? ", with no licence we could determine" : ` under ${license}`;
}

function evidenceText(c: ComponentClaim): string {
  const first = c.found.evidence[0];
  return first ? `${first.what} <${first.url}>` : "it";
}

/** The sentence for the producer about one component; null when the record and the evidence agree. */
export function componentMessage(c: ComponentClaim, report: Report): string | null {
  switch (c.verdict) {
    case "claimed_not_found": {
      const pointer = c.claimed.path && /^https?:\/\//.test(c.claimed.path) ? ` Your record points to ${c.claimed.path}; link it from the model card.` : "";
      return `${claimText(c)}; we found ${whereLooked(c.cid, lookContext(report))}.${pointer}`;
    }
    case "license_differs":
      return c.differing.length > 0
        ? `${claimText(c)}; ${c.differing.map(saysLicense).join("; ")}.`
        : `${claimText(c)}; we found ${evidenceText(c)} but no licence for it.`;
    case "found_not_claimed":
      return `Your MOT record does not list ${c.name}; we found ${evidenceText(c)}${foundLicenseText(c.found.license)}. Add it to the record.`;
    case "claimed_unknown":
      return `${claimText(c)}; we could not check it: ${c.found.unknownBecause[0] ?? "a source failed"}.`;
    default:
      return null;
  }
}

/** The sentence about the class each side gives; null when they agree. */
export function classMessage(classes: ClaimComparison["classes"]): string | null {
  if (classes.claimed === classes.found) {
    return null;
  }
  return `Your MOT record's components give ${classes.claimedLabel}; the evidence we found gives ${classes.foundLabel}${classes.provisional ? " (provisional: some sources failed)" : ""}.`;
}
