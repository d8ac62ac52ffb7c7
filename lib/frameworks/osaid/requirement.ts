import type { Evidence, Report, ReportComponent } from "@/lib/report/schema";
import { metSentence } from "./licence-test";
import { findings, type PartVerdict, partVerdict } from "./parts";
import { DESCRIBES_DATA, MAY_DESCRIBE_DATA, type RequirementSpec } from "./requirements";
import type { OsaidRequirement, OsaidStatus, UnknownKind } from "./schema";

interface Outcome {
  status: OsaidStatus;
  unknownKind: UnknownKind | null;
  reason: string;
}

// what each element asks for, in the definition's words, after a failing finding
const ASKS: Record<OsaidRequirement["element"], string> = {
  "Data Information": "The definition asks for data information under terms that conform to the OSD.",
  Code: "The definition asks for the complete code under OSI-approved licences.",
  Parameters: "The definition asks for the parameters under terms that conform to the OSD.",
};

/** Every component must pass; a failure decides, then an open question, else it is met. */
function allOf(parts: readonly PartVerdict[], spec: RequirementSpec): Outcome {
  const failing = parts.filter((p) => p.status === "fails");
  if (failing.length > 0) {
    return { status: "fails", unknownKind: null, reason: `${findings(failing)}. ${ASKS[spec.element]}` };
  }
  const open = parts.filter((p) => p.status === "unknown");
  if (open.some((p) => p.unknownKind === "source")) {
    return { status: "unknown", unknownKind: "source", reason: `${findings(open)}. Once the source answers, the audit can tell.` };
  }
  if (open.length > 0) {
    return {
      status: "unknown",
      unknownKind: "judgement",
      reason: `${findings(open)}. The definition asks for supporting libraries "if used", so whether any are missing is a reviewer's judgement.`,
    };
  }
  return { status: "meets", unknownKind: null, reason: `${findings(parts)}. ${metSentence(spec.test)}` };
}

/** A data card or dataset under open terms is data information; a paper may be, which is a judgement. */
function dataInformation(parts: readonly PartVerdict[]): Outcome {
  const describing = parts.filter((p) => DESCRIBES_DATA.includes(p.component.cid) && p.status === "meets");
  if (describing.length > 0) {
    return {
      status: "meets",
      unknownKind: null,
      reason: `${findings(describing)}. The training data is described under terms that conform to the OSD; OSAID asks for this data information, not for the data itself.`,
    };
  }
  const failed = parts.filter((p) => p.status === "unknown");
  if (failed.length > 0) {
    return {
      status: "unknown",
      unknownKind: "source",
      reason: `${findings(failed)}. Nothing else found describes the training data under open terms, so the answer waits for that source.`,
    };
  }
  const papers = parts.filter((p) => MAY_DESCRIBE_DATA.includes(p.component.cid) && p.status === "meets");
  if (papers.length > 0) {
    return {
      status: "unknown",
      unknownKind: "judgement",
      reason: `${findings(papers)}. No data card or dataset under open terms describes the training data, only a paper; whether it does so well enough for a skilled person to build a substantially equivalent system is a judgement the definition leaves to a reviewer.`,
    };
  }
  return {
    status: "fails",
    unknownKind: null,
    reason: `${findings(parts)}. Nothing describes the training data under open terms. ${ASKS["Data Information"]}`,
  };
}

function evidenceOf(components: readonly ReportComponent[]): Evidence[] {
  const all = components.flatMap((c) => c.evidence);
  return [...new Map(all.map((e) => [e.url, e])).values()];
}

/** One OSAID requirement judged from the MOF components it rests on. */
export function judgeRequirement(report: Pick<Report, "components">, spec: RequirementSpec): OsaidRequirement {
  const components = spec.cids.flatMap((cid) => report.components.filter((c) => c.cid === cid));
  const parts = components.map((c) => partVerdict(c, spec));
  const outcome = spec.combine === "data-information" ? dataInformation(parts) : allOf(parts, spec);
  return {
    key: spec.key,
    name: spec.name,
    element: spec.element,
    ...outcome,
    components: components.map((c) => ({ cid: c.cid, name: c.name, status: c.status, license: c.license })),
    licenseTest: spec.test,
    evidence: evidenceOf(components),
  };
}
