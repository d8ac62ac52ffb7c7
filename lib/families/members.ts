import type { ClassNumber } from "@/lib/mof";
import { githubRepoOf } from "@/lib/registry/links";
import type { RegistryRecord } from "@/lib/registry/record-row";
import type { Report } from "@/lib/report/schema";

/** A release that can belong to a family: a registry record or an audited model. */
export interface FamilyMember {
  /** `mot:<name>`, `hf:<org/name>` or `github:<owner/repo>`. */
  key: string;
  source: Report["model"]["source"];
  name: string;
  producer: string;
  hfId: string | null;
  githubRepo: string | null;
  /** Hugging Face ids this release says it derives from (see baseModelsOf). */
  baseModels: string[];
  class: ClassNumber;
  /** Status per component name. */
  statuses: Record<string, string>;
}

export function memberFromRecord(row: RegistryRecord): FamilyMember {
  return {
    key: `mot:${row.name}`,
    source: "mot",
    name: row.name,
    producer: row.producer,
    hfId: row.hfId,
    githubRepo: row.githubRepo,
    baseModels: [],
    class: row.class,
    statuses: row.statuses,
  };
}

/** An audited report as a member; pass the base models from its model info when the caller has it. */
export function memberFromReport(report: Report, baseModels: readonly string[] = []): FamilyMember {
  const { source, id } = report.model;
  const [owner = "", name = id] = id.split("/");
  const audited = source === "hf" || source === "github";
  return {
    key: `${source}:${id}`,
    source,
    name: audited ? name : report.record.release.name,
    producer: audited ? owner : report.record.release.producer,
    hfId: source === "hf" ? id : null,
    githubRepo: source === "github" ? id : githubRepoOf(report.record.release.repository),
    baseModels: [...baseModels],
    class: report.class,
    statuses: Object.fromEntries(report.components.map((c) => [c.name, c.status])),
  };
}
