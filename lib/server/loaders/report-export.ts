import "server-only";
import { EXPORT_FORMATS, type ExportFormat, exportReport, parseExportFormat } from "@/lib/aibom";
import { ApiError } from "@/lib/api/errors";
import { reportHref } from "@/lib/report/display";
import { modelPath } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { siteOrigin } from "@/lib/server/http/origin";
import { fileStem, reportForRoute, requireSnapshot } from "./route-report";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** `?format=` of a request: `json` when absent; a 400 when it names no format. */
export function requestedFormat(request: Request): ExportFormat {
  const value = new URL(request.url).searchParams.get("format");
  if (value === null || value === "") {
    return "json";
  }
  const format = parseExportFormat(value);
  if (format === null) {
    throw new ApiError("bad_input", `Unknown format "${value.slice(0, 40)}": use one of ${EXPORT_FORMATS.join(", ")}.`);
  }
  return format;
}

/** A report as a download in the given format, linking back to the page it was read from. */
export function exportResponse(report: Report, format: ExportFormat, pageUrl: string, cacheControl: string): Response {
  const file = exportReport(report, format, { pageUrl });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${fileStem(report.model.id)}${file.extension}"`,
      "cache-control": cacheControl,
    },
  });
}

/** The latest report of `/models/{org}/{name}` as a download. */
export async function modelExport(request: Request, org: string, name: string, format: ExportFormat): Promise<Response> {
  const { ref, report } = await reportForRoute(request, org, name);
  return exportResponse(report, format, `${siteOrigin()}${modelPath(ref)}`, "no-store");
}

/** A stored snapshot as a download; immutable like the snapshot. */
export async function snapshotExport(id: string, format: ExportFormat): Promise<Response> {
  const report = await requireSnapshot(id);
  return exportResponse(report, format, `${siteOrigin()}/r/${report.id}`, IMMUTABLE);
}

/** The page a report is read on, for links from an export the API serves. */
export function reportPageUrl(report: Report): string {
  return `${siteOrigin()}${reportHref(report)}`;
}
