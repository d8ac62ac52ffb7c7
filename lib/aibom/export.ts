import { frameworksMarkdown, reportJson } from "@/lib/frameworks/report-json";
import { toMofYaml } from "@/lib/mof";
import type { Report } from "@/lib/report/schema";
import { CYCLONEDX_SPEC_VERSION, cyclonedxBom } from "./cyclonedx";
import type { BomContext } from "./release";
import { spdxDocument } from "./spdx";

/** Every file a report can be downloaded as (`--format`, `?format=`). */
export const EXPORT_FORMATS = ["json", "cyclonedx", "spdx", "markdown", "yaml"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  readonly body: string;
  readonly contentType: string;
  /** File name ending: `.cdx.json`, `.spdx.json`, … */
  readonly extension: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const WRITERS: Record<ExportFormat, (report: Report, ctx: BomContext) => ExportFile> = {
  json: (report) => ({ body: json(reportJson(report)), contentType: "application/json", extension: ".mof-report.json" }),
  cyclonedx: (report, ctx) => ({
    body: json(cyclonedxBom(report, ctx)),
    contentType: `application/vnd.cyclonedx+json; version=${CYCLONEDX_SPEC_VERSION}`,
    extension: ".cdx.json",
  }),
  spdx: (report, ctx) => ({ body: json(spdxDocument(report, ctx)), contentType: "application/spdx+json", extension: ".spdx.json" }),
  markdown: (report, ctx) => ({
    body: frameworksMarkdown(report, ctx.pageUrl ?? report.model.url ?? report.input),
    contentType: "text/markdown; charset=utf-8",
    extension: ".md",
  }),
  yaml: (report) => ({ body: toMofYaml(report.record), contentType: "application/yaml; charset=utf-8", extension: ".yml" }),
};

/** The report as a file of the given format. */
export function exportReport(report: Report, format: ExportFormat, ctx: BomContext): ExportFile {
  return WRITERS[format](report, ctx);
}

/** The format a `--format` or `?format=` value names, or null when it names none. */
export function parseExportFormat(value: string): ExportFormat | null {
  return (EXPORT_FORMATS as readonly string[]).includes(value) ? (value as ExportFormat) : null;
}
