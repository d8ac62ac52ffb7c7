import type { MofComponentEntry, MofRecord } from "@/lib/mof";
import { COMPONENTS, COMPONENTS_BY_WEIGHT, isOpenLicense, isTypeAppropriate } from "@/lib/mof";
import { buildContext, type EvidenceContext } from "./context";
import type { ReleaseFacts, SourceFailure } from "./facts";
import { nextStepFor } from "./next-steps";
import { EVIDENCE_RULES } from "./rules";
import type { ComponentFindings } from "./schema";
import type { ComponentVerdict } from "./verdict";
import { decisiveLicense, recordLicense } from "./verdict";

export type { DatasetFacts, PaperFacts, ReleaseFacts, RepoFacts, Sourced, SourceFailure } from "./facts";
export { type PublishNote, publishNotes } from "./on-publish";
export { type FactKey, type PartialFacts, settledVerdicts } from "./settled";
export type { ComponentVerdict, LicensePart } from "./verdict";

export interface ReleaseEvidence {
  /** The MOF release record the evidence supports; the engine decides its class. */
  readonly record: MofRecord;
  readonly verdicts: ReadonlyMap<number, ComponentVerdict>;
  /** Per component: evidence links, licences with their sources, and what left it unknown. */
  readonly findings: ReadonlyMap<number, ComponentFindings>;
}

export interface ReleaseIdentity {
  readonly name: string;
  readonly producer: string;
  readonly date: string | null;
  readonly huggingface: string | null;
  readonly repository: string | null;
}

function describeFailure(failure: SourceFailure): string {
  return `${failure.source}: ${failure.message}`;
}

function toFindings(cid: number, verdict: ComponentVerdict, ctx: EvidenceContext | null): ComponentFindings {
  const type = COMPONENTS.find((c) => c.cid === cid)?.type ?? "code";
  return {
    evidence: [...verdict.evidence],
    licenses: verdict.licenses.map((l) => ({
      id: l.id ?? `none (${l.written})`,
      source: l.source,
      from: l.from,
      url: l.url,
      open: l.id !== null && isOpenLicense(l.id),
      typeAppropriate: l.id !== null && isTypeAppropriate(l.id, type),
    })),
    unknownBecause: verdict.state === "unknown" ? verdict.failures.map(describeFailure) : [],
    notes: [...(verdict.notes ?? [])],
    nextStep: ctx ? nextStepFor(cid, type, verdict, ctx) : null,
  };
}

/** Applies every evidence rule to the fetched facts and writes the MOF release record they support. */
export function buildEvidence(facts: ReleaseFacts, identity: ReleaseIdentity): ReleaseEvidence {
  const ctx = buildContext(facts);
  return evidenceFromVerdicts(new Map(COMPONENTS.map((c) => [c.cid, (EVIDENCE_RULES[c.cid] as (typeof EVIDENCE_RULES)[number])(ctx)])), identity, ctx);
}

/**
 * The record and findings some verdicts support; a component with no verdict is left out, as if missing. With the
 * context the verdicts came from, the findings also say where mofscope looked and what would fix each gap.
 */
export function evidenceFromVerdicts(
  verdicts: ReadonlyMap<number, ComponentVerdict>,
  identity: ReleaseIdentity,
  ctx: EvidenceContext | null = null,
): ReleaseEvidence {
  const components: MofComponentEntry[] = COMPONENTS_BY_WEIGHT.flatMap((spec) => {
    const verdict = verdicts.get(spec.cid);
    if (verdict?.state !== "found") {
      return [];
    }
    const decisive = decisiveLicense(verdict.licenses, spec.type);
    const entry: MofComponentEntry = { name: spec.name, description: spec.description, license: recordLicense(verdict.licenses, spec.type) };
    const path = verdict.evidence[0]?.url;
    return [{ ...entry, ...(decisive?.url ? { license_path: decisive.url } : {}), ...(path ? { component_path: path } : {}) }];
  });
  const record: MofRecord = {
    framework: { name: "Model Openness Framework", version: "1.0", date: "2024-12-15" },
    release: {
      name: identity.name,
      producer: identity.producer,
      ...(identity.date ? { date: identity.date } : {}),
      ...(identity.repository ? { repository: identity.repository } : {}),
      ...(identity.huggingface ? { huggingface: identity.huggingface } : {}),
      license: {},
      components,
    },
  };
  return { record, verdicts, findings: new Map([...verdicts].map(([cid, v]) => [cid, toFindings(cid, v, ctx)])) };
}
