import { CLASS_ROMAN, componentByCid } from "@/lib/mof/components";
import type { Report, ReportComponent } from "@/lib/report/schema";
import { DESCRIBES_DATA, MAY_DESCRIBE_DATA } from "./requirements";
import type { Osaid, OsaidRequirement } from "./schema";

type Disagreement = Osaid["disagreements"][number];

// components MOF requires that OSAID does not, and why; the data-information documents are handled apart
const NOT_REQUIRED_BY_OSAID: Readonly<Record<number, string>> = {
  15: "OSAID asks for data information, not for the data itself",
  24: 'OSAID names intermediate checkpoints only as an example of what the parameters "might include"',
  12: "OSAID's checklist lists evaluation results among the optional components",
  13: "OSAID's checklist lists the model card among the optional components",
  19: "OSAID's checklist lists evaluation data among the optional components",
};

const SUPPORTING_LIBRARIES = 22;

const satisfied = (c: Pick<ReportComponent, "status">) => c.status === "included" || c.status === "optional";

const STATUS_WORDS: Record<ReportComponent["status"], string> = {
  included: "included",
  optional: "included",
  missing: "missing",
  unlicensed: "without an identifiable licence",
  invalid: "not openly licensed",
  unknown: "unknown",
};

/** MOF requires it and it falls short, but OSAID does not need it. */
function mofOnly(component: ReportComponent, dataInformation: OsaidRequirement | undefined): Disagreement[] {
  const because = NOT_REQUIRED_BY_OSAID[component.cid];
  const mofNeeds = `${component.name} (${STATUS_WORDS[component.status]}): MOF requires this component from Class ${CLASS_ROMAN[component.class]}`;
  if (because !== undefined) {
    return [{ cid: component.cid, name: component.name, text: `${mofNeeds}, but ${because}.` }];
  }
  const alternative = [...DESCRIBES_DATA, ...MAY_DESCRIBE_DATA].includes(component.cid);
  if (alternative && dataInformation?.status === "meets") {
    const by = dataInformation.components.filter((c) => c.cid !== component.cid && (c.status === "included" || c.status === "optional"));
    return [
      {
        cid: component.cid,
        name: component.name,
        text: `${mofNeeds}, but OSAID asks only for data information, which the ${by.map((c) => c.name.toLowerCase()).join(" and ")} ${by.length === 1 ? "gives" : "give"}.`,
      },
    ];
  }
  return [];
}

/** OSAID holds it against the release, but MOF accepts it or does not need it. */
function osaidOnly(component: ReportComponent, requirement: OsaidRequirement): Disagreement[] {
  if (requirement.status === "meets") {
    return [];
  }
  if (component.cid === SUPPORTING_LIBRARIES && !satisfied(component)) {
    return [
      {
        cid: component.cid,
        name: component.name,
        text: `${component.name} (${STATUS_WORDS[component.status]}): optional in MOF, so no class depends on them, but OSAID's checklist lists them among the required code (the definition asks for them "if used").`,
      },
    ];
  }
  if (satisfied(component) && requirement.licenseTest === "osi-approved" && requirement.status === "fails") {
    return [
      {
        cid: component.cid,
        name: component.name,
        text: `${component.name} (${component.license ?? "licensed"}): MOF accepts this open licence, but OSAID asks for code under an OSI-approved licence.`,
      },
    ];
  }
  return [];
}

/** A class MOF granted without asking for what OSAID fails on. */
function classBar(report: Pick<Report, "class" | "components">, requirements: readonly OsaidRequirement[]): Disagreement[] {
  if (report.class === 0) {
    return [];
  }
  const reached = report.class;
  return requirements
    .filter((r) => r.status === "fails")
    .flatMap((r) => r.components.filter((c) => !satisfied(c) && (componentByCid(c.cid)?.class ?? 0) < reached))
    .map((c) => ({
      cid: c.cid,
      name: c.name,
      text: `MOF grants Class ${CLASS_ROMAN[reached]} without ${c.name.toLowerCase()} (it asks for it only from Class ${CLASS_ROMAN[componentByCid(c.cid)?.class ?? 1]}); OSAID asks for it.`,
    }));
}

/** Where the two frameworks judge this release's components differently, one note per component. */
export function disagreements(report: Pick<Report, "class" | "components">, requirements: readonly OsaidRequirement[]): Disagreement[] {
  const byKey = new Map(requirements.map((r) => [r.key, r]));
  const dataInformation = byKey.get("data-information");
  const notes = [
    ...report.components.filter((c) => c.required && !satisfied(c)).flatMap((c) => mofOnly(c, dataInformation)),
    ...requirements.flatMap((r) => report.components.filter((c) => r.components.some((x) => x.cid === c.cid)).flatMap((c) => osaidOnly(c, r))),
    ...classBar(report, requirements),
  ];
  // the first note about a component says the most; later rules only restate it
  return notes.filter((note, index) => notes.findIndex((n) => n.cid === note.cid) === index);
}
