import type { ComponentFindings, Evidence, LicenseFinding } from "@/lib/evidence/schema";
import type { MofAssessment, MofRecord } from "@/lib/mof";
import { assess, isOpenLicense, isTypeAppropriate } from "@/lib/mof";
import type { DerivedFrom, Failure, Report, ReportComponent } from "./schema";

export interface ReportMeta {
  id: string;
  input: string;
  model: Report["model"];
  fetchedAt: string;
  gated: boolean;
  failures: Failure[];
  requests: number;
  /** Findings per component id; components absent here have none. */
  findings: ReadonlyMap<number, ComponentFindings>;
  /** The base model a derivative names, with the base's report when it could be audited. */
  derivation?: { kind: DerivedFrom["kind"]; base: string; baseUrl: string; from: string; baseReport: Pick<Report, "components"> | null } | null;
}

const HAS = new Set(["included", "optional", "unlicensed", "invalid"]);
const NEEDS_STEP = new Set(["missing", "unlicensed", "invalid"]);

// what the derivative lacks and its base publishes, in any licence: where a reader should look instead
function derivedFrom(meta: ReportMeta, components: readonly ReportComponent[]): DerivedFrom | null {
  const d = meta.derivation;
  if (!d) {
    return null;
  }
  const base = d.baseReport;
  const onlyInBase =
    base === null
      ? null
      : components.filter((c) => c.status === "missing" && HAS.has(base.components.find((b) => b.cid === c.cid)?.status ?? "")).map((c) => c.name);
  return { kind: d.kind, base: d.base, baseUrl: d.baseUrl, from: d.from, onlyInBase };
}

function recordLinks(record: MofRecord, assessment: MofAssessment, cid: number, source: Evidence["source"]): Evidence[] {
  const component = assessment.components.find((c) => c.cid === cid);
  const entry = component?.entryIndex === null || component === undefined ? undefined : record.release.components[component.entryIndex];
  const path = entry?.component_path;
  return path && /^https?:\/\//.test(path) ? [{ source, url: path, what: "component_path in the record" }] : [];
}

function recordLicense(license: string | null, cid: number, assessment: MofAssessment, source: Evidence["source"]): LicenseFinding[] {
  const component = assessment.components.find((c) => c.cid === cid);
  if (license === null || component === undefined || license === "unlicensed") {
    return [];
  }
  return [
    {
      id: license,
      source,
      from: component.licenseSource ?? "record",
      url: "",
      open: isOpenLicense(license),
      typeAppropriate: isTypeAppropriate(license, component.type),
    },
  ];
}

/** Builds a report from a MOF record and the engine's verdict; unknown components override the engine's status. */
export function reportFromRecord(record: MofRecord, meta: ReportMeta): Report {
  const assessment = assess(record);
  const source = meta.model.source;
  const components: ReportComponent[] = assessment.components.map((c) => {
    const found = meta.findings.get(c.cid);
    const unknown = found !== undefined && found.unknownBecause.length > 0 && c.status === "missing";
    return {
      cid: c.cid,
      name: c.name,
      type: c.type,
      class: c.class,
      required: c.required,
      status: unknown ? "unknown" : c.status,
      license: c.license,
      licenses: found?.licenses ?? recordLicense(c.license, c.cid, assessment, source),
      evidence: found?.evidence ?? recordLinks(record, assessment, c.cid, source),
      substitutedBy: c.substitutedBy,
      unknownBecause: found?.unknownBecause ?? [],
      notes: found?.notes ?? [],
      // the engine's status decides whether the component needs a step (a substitute may already fill it)
      nextStep: NEEDS_STEP.has(c.status) && !unknown ? (found?.nextStep ?? null) : null,
    };
  });
  return {
    id: meta.id,
    input: meta.input,
    model: meta.model,
    fetchedAt: meta.fetchedAt,
    class: assessment.class,
    label: assessment.label,
    progress: { "1": assessment.progress[1], "2": assessment.progress[2], "3": assessment.progress[3] },
    // a failure that changed no verdict (a dead link, say) is listed but leaves the grade final
    provisional: components.some((c) => c.status === "unknown"),
    gated: meta.gated,
    components,
    next: assessment.next && {
      class: assessment.next.class,
      items: assessment.next.items.map((i) => ({ ...i, fix: components.find((c) => c.cid === i.cid)?.nextStep?.fix ?? null })),
    },
    warnings: assessment.warnings.map((w) => ({ ...w })),
    failures: meta.failures,
    derivedFrom: derivedFrom(meta, components),
    requests: meta.requests,
    record,
  };
}
