import "server-only";
import { type ClaimComparison, compareClaims, type MatchedBy, matchRecord } from "@/lib/claims";
import { snapshotStore } from "@/lib/db/snapshots";
import { type Family, type FamilyMember, familyOf, groupFamilies, memberFromRecord, memberFromReport } from "@/lib/families";
import { parseMofYaml } from "@/lib/mof";
import { type AuditedRow, auditedRow } from "@/lib/registry/audited-row";
import { defaultRegistry } from "@/lib/registry/default";
import type { RegistryRecord } from "@/lib/registry/record-row";
import type { Report } from "@/lib/report/schema";

/** The latest snapshot of every audited model as a /models row. */
export async function auditedRows(): Promise<AuditedRow[]> {
  return (await snapshotStore().latestAudited()).flatMap(({ report, createdAt }) =>
    report.model.source === "hf" || report.model.source === "github" ? [auditedRow(report, createdAt)] : [],
  );
}

/** Every release a family can hold: the registry's records and the latest audit of each audited model. */
export async function familyMembers(): Promise<FamilyMember[]> {
  const [records, audited] = await Promise.all([defaultRegistry().all(), snapshotStore().latestAudited()]);
  return [...records.map(memberFromRecord), ...audited.map(({ report }) => memberFromReport(report))];
}

/** Families of two or more releases, largest first. */
export async function allFamilies(): Promise<Family[]> {
  return groupFamilies(await familyMembers())
    .filter((f) => f.variants.length > 1)
    .sort((a, b) => b.variants.length - a.variants.length || (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : 1));
}

// the registry adds to a report page; if it cannot be read, the page still shows the audit
async function orNull<T>(what: string, read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    console.error(`registry: ${what} failed`, error);
    return null;
  }
}

/** The family a release (`mot:<name>`, `hf:<org/name>`, `github:<owner/repo>`) belongs to, when it has siblings. */
export function siblingsOf(memberKey: string): Promise<Family | null> {
  return orNull("family", async () => {
    const family = familyOf(memberKey, await familyMembers());
    return family && family.variants.length > 1 ? family : null;
  });
}

/** `/families/<org>/<stem>` for a family key. */
export function familyHref(key: string): string {
  return `/families/${key.split("/").map(encodeURIComponent).join("/")}`;
}

export interface ReportClaims {
  record: RegistryRecord;
  by: MatchedBy;
  comparison: ClaimComparison;
}

/** The MOT record of an audited model, and its claims put beside the audit's evidence; null when MOT has none. */
export function claimsFor(report: Report): Promise<ReportClaims | null> {
  return orNull("claims", async () => {
    const match = await matchRecord(report, defaultRegistry());
    if (match === null) {
      return null;
    }
    const parsed = parseMofYaml(match.record.yaml);
    return parsed.ok ? { record: match.record, by: match.by, comparison: compareClaims(parsed.record, report) } : null;
  });
}
