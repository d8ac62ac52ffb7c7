import { isOpenLicense, licenseRecord } from "@/lib/mof/license-catalogue";
import type { ReportComponent } from "@/lib/report/schema";
import type { LicenceTest } from "./schema";

interface TestSpec {
  passes(id: string): boolean;
  /** The test as a phrase: "an OSI-approved licence". */
  readonly phrase: string;
  /** The sentence a met requirement ends with. */
  readonly met: string;
}

// OSD-conformant terms are read as MOF's open list: OSI-approved or FSF-libre licences and the open data and content
// licences MOT accepts (CC-BY, CC-BY-SA, CDLA, ODC); each grants use, study, change and sharing for any purpose
const TESTS: Record<LicenceTest, TestSpec> = {
  "osi-approved": {
    passes: (id) => licenseRecord(id)?.osiApproved === true,
    phrase: "an OSI-approved licence",
    met: "All OSI-approved, as the definition asks for code.",
  },
  "osd-conformant": {
    passes: isOpenLicense,
    phrase: "terms that conform to the Open Source Definition",
    met: "These terms conform to the Open Source Definition, as the definition asks.",
  },
};

/** The test as a phrase for reasons. */
export function testPhrase(test: LicenceTest): string {
  return TESTS[test].phrase;
}

/** The sentence that closes the reason of a requirement that passed the test. */
export function metSentence(test: LicenceTest): string {
  return TESTS[test].met;
}

/** Every licence that applies to a component: its findings, else the licence its record names. */
export function licenceIds(component: Pick<ReportComponent, "license" | "licenses">): string[] {
  if (component.licenses.length > 0) {
    return [...new Set(component.licenses.map((l) => l.id))];
  }
  return component.license !== null && component.license !== "unlicensed" ? [component.license] : [];
}

/** The licences of a component that fail the test (all of them must pass). */
export function failingLicences(ids: readonly string[], test: LicenceTest): string[] {
  return ids.filter((id) => !TESTS[test].passes(id));
}
