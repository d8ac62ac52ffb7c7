import { z } from "zod";
import type { Report } from "@/lib/report/schema";
import { githubRepoOf } from "./links";

/** An audited model as the /models list shows it beside the registry records. */
export const auditedRowSchema = z.object({
  source: z.enum(["hf", "github"]),
  /** `org/name` on the hub (or `owner/repo` on GitHub). */
  id: z.string().min(1),
  name: z.string().min(1),
  producer: z.string(),
  date: z.string().nullable(),
  class: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  totalProgress: z.number(),
  licenses: z.array(z.string()),
  hfId: z.string().nullable(),
  githubRepo: z.string().nullable(),
});

export type AuditedRow = z.infer<typeof auditedRowSchema>;

/** The list row of an audited report (hf or github); `date` is when the audit ran. */
export function auditedRow(report: Report, auditedAt: string): AuditedRow {
  if (report.model.source !== "hf" && report.model.source !== "github") {
    throw new Error(`only audited reports have list rows, not ${report.model.source}`);
  }
  const [org = "", name = report.model.id] = report.model.id.split("/");
  const p = report.progress;
  const listed = report.components.filter((c) => !["missing", "unknown"].includes(c.status));
  return {
    source: report.model.source,
    id: report.model.id,
    name,
    producer: org,
    date: auditedAt.slice(0, 10),
    class: report.class,
    totalProgress: (p["1"] + p["2"] + p["3"]) / 3,
    licenses: [...new Set(listed.flatMap((c) => (c.license && c.license !== "unlicensed" ? [c.license] : [])))].sort(),
    hfId: report.model.source === "hf" ? report.model.id : null,
    githubRepo: report.model.source === "github" ? report.model.id : githubRepoOf(report.record.release.repository),
  };
}
