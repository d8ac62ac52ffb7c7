import type { Report } from "@/lib/report/schema";
import { disagreements } from "./disagreements";
import { judgeRequirement } from "./requirement";
import { OSAID_DEFINITION, OSAID_REQUIREMENTS } from "./requirements";
import type { Osaid, OsaidRequirement, OsaidStatus, UnknownKind } from "./schema";

const names = (requirements: readonly OsaidRequirement[]) => requirements.map((r) => r.name.toLowerCase()).join(", ");

function verdictOf(requirements: readonly OsaidRequirement[]): { verdict: OsaidStatus; unknownKinds: UnknownKind[]; reason: string } {
  const failing = requirements.filter((r) => r.status === "fails");
  if (failing.length > 0) {
    return {
      verdict: "fails",
      unknownKinds: [],
      reason: `Not open source AI under OSAID 1.0: ${names(failing)} ${failing.length === 1 ? "falls" : "fall"} short.`,
    };
  }
  const open = requirements.filter((r) => r.status === "unknown");
  if (open.length > 0) {
    const bySource = open.filter((r) => r.unknownKind === "source");
    const byJudgement = open.filter((r) => r.unknownKind === "judgement");
    const parts = [
      bySource.length > 0 ? `a source failed for ${names(bySource)}` : "",
      byJudgement.length > 0 ? `${names(byJudgement)} ${byJudgement.length === 1 ? "is" : "are"} left to a reviewer's judgement` : "",
    ].filter(Boolean);
    const kinds: UnknownKind[] = [...(bySource.length > 0 ? ["source" as const] : []), ...(byJudgement.length > 0 ? ["judgement" as const] : [])];
    return { verdict: "unknown", unknownKinds: kinds, reason: `Not decided: nothing fails, but ${parts.join(" and ")}.` };
  }
  return {
    verdict: "meets",
    unknownKinds: [],
    reason: "Open source AI under OSAID 1.0: data information, the complete code and the parameters are available under the terms the definition asks for.",
  };
}

/** The OSAID 1.0 verdict of a release, read from the same components and evidence as its MOF grade. */
export function osaidOf(report: Pick<Report, "class" | "components">): Osaid {
  const requirements = OSAID_REQUIREMENTS.map((spec) => judgeRequirement(report, spec));
  return { definition: { ...OSAID_DEFINITION }, ...verdictOf(requirements), requirements, disagreements: disagreements(report, requirements) };
}
