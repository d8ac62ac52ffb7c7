import type { ClassNumber, ComponentStatus, MofRecord, Progress, RecordError } from "@/lib/mof";
import { assess, parseMofYaml, UNLICENSED } from "@/lib/mof";
import { githubRepoOf, hfIdOf } from "./links";

/** One vendored MOT record as the registry table holds it, classified by mofscope's engine. */
export interface RegistryRecord {
  file: string;
  name: string;
  blobSha: string;
  producer: string;
  date: string | null;
  class: ClassNumber;
  progress: Progress;
  /** MOT's sort key: the mean of the three class progresses. */
  totalProgress: number;
  hfId: string | null;
  githubRepo: string | null;
  /** Distinct licence ids the engine resolved for the listed components. */
  licenses: string[];
  /** Status per component name, all 17. */
  statuses: Record<string, ComponentStatus>;
  yaml: string;
}

/** Parses and classifies a record file; the parse errors when it is not a valid MOT record. */
export function recordRow(
  file: string,
  blobSha: string,
  yaml: string,
): { ok: true; row: RegistryRecord; record: MofRecord } | { ok: false; errors: readonly RecordError[] } {
  const parsed = parseMofYaml(yaml);
  if (!parsed.ok) {
    return parsed;
  }
  const release = parsed.record.release;
  const assessment = assess(parsed.record);
  const licenses = assessment.components.flatMap((c) => (c.status !== "missing" && c.license !== null && c.license !== UNLICENSED ? [c.license] : []));
  return {
    ok: true,
    record: parsed.record,
    row: {
      file,
      name: release.name,
      blobSha,
      producer: release.producer,
      date: release.date ?? null,
      class: assessment.class,
      progress: assessment.progress,
      totalProgress: assessment.totalProgress,
      hfId: hfIdOf(release.huggingface),
      githubRepo: githubRepoOf(release.repository),
      licenses: [...new Set(licenses)].sort(),
      statuses: Object.fromEntries(assessment.components.map((c) => [c.name, c.status])),
      yaml,
    },
  };
}
