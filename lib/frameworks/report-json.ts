import type { z } from "zod";
import { reportMarkdown } from "@/lib/report/markdown";
import { type Report, reportSchema } from "@/lib/report/schema";
import { osaidOf, osaidSchema } from "./osaid";
import { osaidMarkdown } from "./osaid/markdown";

/** What every JSON output gives: the stored report plus the verdicts of the other frameworks, computed on read. */
export const reportJsonSchema = reportSchema.extend({ osaid: osaidSchema });

export type ReportJson = z.infer<typeof reportJsonSchema>;

/** A report as `report.json`, the API and `--format json` give it. */
export function reportJson(report: Report): ReportJson {
  return { ...reportSchema.parse(report), osaid: osaidOf(report) };
}

/** The Markdown export: the MOF summary with the OSAID section before its footer. */
export function frameworksMarkdown(report: Report, pageUrl: string): string {
  return reportMarkdown(report, pageUrl, [osaidMarkdown(osaidOf(report))]);
}
