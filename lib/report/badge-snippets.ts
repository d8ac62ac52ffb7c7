import { classTitle } from "./display";
import type { Report } from "./schema";

export interface BadgeSnippets {
  markdown: string;
  html: string;
}

/** README snippets that show the badge and link to the report. */
export function badgeSnippets(report: Pick<Report, "class">, badgeUrl: string, pageUrl: string): BadgeSnippets {
  const alt = `MOF ${classTitle(report.class)}`;
  const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return {
    markdown: `[![${alt}](${badgeUrl})](${pageUrl})`,
    html: `<a href="${escapeHtml(pageUrl)}"><img src="${escapeHtml(badgeUrl)}" alt="${escapeHtml(alt)}"></a>`,
  };
}
