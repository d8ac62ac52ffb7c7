import type { ReportComponent } from "@/lib/report/schema";
import { failingLicences, licenceIds, testPhrase } from "./licence-test";
import type { RequirementSpec } from "./requirements";
import type { OsaidStatus, UnknownKind } from "./schema";

/** What one MOF component contributes to a requirement. */
export interface PartVerdict {
  readonly component: ReportComponent;
  readonly status: OsaidStatus;
  readonly unknownKind: UnknownKind | null;
  /** What was found, for the reason: "Apache-2.0", "not found". */
  readonly finding: string;
}

const part = (component: ReportComponent, status: OsaidStatus, finding: string, unknownKind: UnknownKind | null = null): PartVerdict => ({
  component,
  status,
  unknownKind,
  finding,
});

// "arxiv: GET https://… failed with 500 (upstream error)" reads as "arxiv: upstream error"
function shortFailure(text: string): string {
  const match = /^(\w[\w-]*): .*\(([^()]+)\)\s*$/.exec(text);
  return match ? `${match[1]}: ${match[2]}` : text;
}

/** Judges one component against a requirement's licence test. */
export function partVerdict(component: ReportComponent, spec: RequirementSpec): PartVerdict {
  switch (component.status) {
    case "unknown": {
      const failures = [...new Set(component.unknownBecause.map(shortFailure))];
      return part(component, "unknown", `could not be checked (${failures.join("; ") || "a source failed"})`, "source");
    }
    case "missing":
      return spec.whenMissing === "judgement" ? part(component, "unknown", "none named", "judgement") : part(component, "fails", "not found");
    case "unlicensed":
      return part(component, "fails", "found, but no licence could be identified");
    default: {
      const ids = licenceIds(component);
      if (ids.length === 0) {
        return part(component, "fails", "found, but no licence could be identified");
      }
      const failing = failingLicences(ids, spec.test);
      return failing.length === 0 ? part(component, "meets", ids.join(", ")) : part(component, "fails", `${failing.join(", ")}, not ${testPhrase(spec.test)}`);
    }
  }
}

/** "Training code: Apache-2.0; Evaluation code: not found", parts with the same finding named together. */
export function findings(parts: readonly PartVerdict[]): string {
  const groups = new Map<string, string[]>();
  for (const p of parts) {
    groups.set(p.finding, [...(groups.get(p.finding) ?? []), p.component.name]);
  }
  return [...groups].map(([finding, names]) => `${names.join(" and ")}: ${finding}`).join("; ");
}
