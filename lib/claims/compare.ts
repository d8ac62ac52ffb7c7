import type { MofRecord } from "@/lib/mof";
import { assess, CLASS_LABELS, COMPONENTS_BY_WEIGHT } from "@/lib/mof";
import type { LicenseFinding, Report, ReportComponent } from "@/lib/report/schema";
import { sameLicense } from "./same-license";
import { CLAIM_VERDICTS, type ClaimComparison, type ClaimVerdict, type ComponentClaim } from "./types";
import { classMessage, componentMessage } from "./wording";

const FOUND = new Set(["included", "unlicensed", "invalid", "optional"]);

function differingLicenses(claimed: string | null, found: ReportComponent): LicenseFinding[] {
  if (claimed === null) {
    return [];
  }
  // a finding without a licence id cannot disagree; "found, no licence" is told apart below
  return found.licenses.filter((l) => !sameLicense(claimed, l.id));
}

function verdictOf(listed: boolean, claimedLicense: string | null, found: ReportComponent, differing: readonly LicenseFinding[]): ClaimVerdict {
  if (found.status === "unknown") {
    return listed ? "claimed_unknown" : "unclaimed_unknown";
  }
  const isFound = FOUND.has(found.status);
  if (!listed) {
    return isFound ? "found_not_claimed" : "agree_missing";
  }
  if (!isFound) {
    return "claimed_not_found";
  }
  const noLicenceFound = found.licenses.length === 0 && found.status === "unlicensed";
  const claimedSome = claimedLicense !== null && claimedLicense !== "unlicensed";
  return differing.length > 0 || (noLicenceFound && claimedSome) ? "license_differs" : "claimed_and_found";
}

/** Puts a MOT record's claims beside an audit's findings, component by component; pure. */
export function compareClaims(record: MofRecord, report: Report): ClaimComparison {
  const assessment = assess(record);
  const claimedBy = new Map(assessment.components.map((c) => [c.cid, c]));
  const foundBy = new Map(report.components.map((c) => [c.cid, c]));
  const components = COMPONENTS_BY_WEIGHT.flatMap((spec): ComponentClaim[] => {
    const claimed = claimedBy.get(spec.cid);
    const found = foundBy.get(spec.cid);
    if (claimed === undefined || found === undefined) {
      return [];
    }
    const listed = claimed.status !== "missing";
    const entry = claimed.entryIndex === null ? undefined : record.release.components[claimed.entryIndex];
    const differing = differingLicenses(listed ? claimed.license : null, found);
    const verdict = verdictOf(listed, claimed.license, found, differing);
    const claim: ComponentClaim = {
      cid: spec.cid,
      name: spec.name,
      verdict,
      claimed: { listed, status: claimed.status, license: claimed.license, path: entry?.component_path ?? null },
      found: { status: found.status, license: found.license, licenses: found.licenses, evidence: found.evidence, unknownBecause: found.unknownBecause },
      differing,
      message: null,
    };
    return [{ ...claim, message: componentMessage(claim, report) }];
  });
  const counts = Object.fromEntries(CLAIM_VERDICTS.map((v) => [v, components.filter((c) => c.verdict === v).length])) as Record<ClaimVerdict, number>;
  const classes = {
    claimed: assessment.class,
    claimedLabel: CLASS_LABELS[assessment.class],
    found: report.class,
    foundLabel: CLASS_LABELS[report.class],
    provisional: report.provisional,
  };
  const isUnchecked = (c: ComponentClaim) => c.verdict === "claimed_unknown";
  return {
    record: record.release.name,
    model: report.model.id,
    classes,
    components,
    counts,
    disagreements: [classMessage(classes), ...components.filter((c) => !isUnchecked(c)).map((c) => c.message)].filter((m): m is string => m !== null),
    unchecked: components.filter(isUnchecked).flatMap((c) => (c.message ? [c.message] : [])),
  };
}
