import { reportHref } from "@/lib/report/display";
import type { Report } from "@/lib/report/schema";

/** mofscope's own page, linked when a report has no page of its own. */
export const PROJECT_URL = "https://github.com/mofscope/mofscope";

/** The report's page on the mofscope server MOFSCOPE_PUBLIC_URL names; null for a folder or without a server. */
export function reportPageUrl(report: Report, env: Readonly<Record<string, string | undefined>>): string | null {
  const base = env.MOFSCOPE_PUBLIC_URL?.trim().replace(/\/+$/, "");
  if (!base || !/^https?:\/\//.test(base) || (report.model.source !== "hf" && report.model.source !== "github")) {
    return null;
  }
  return `${base}${reportHref(report)}`;
}
