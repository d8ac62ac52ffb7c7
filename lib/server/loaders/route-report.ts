import "server-only";
import { ApiError, apiErrorFromAudit } from "@/lib/api/errors";
import { snapshotStore } from "@/lib/db/snapshots";
import { toMofYaml } from "@/lib/mof";
import { type ModelRef, modelRefFromRoute } from "@/lib/report/model-ref";
import type { Report } from "@/lib/report/schema";
import { clientKey } from "@/lib/server/http/rate-limit";
import { latestReport } from "./latest-report";

/** The latest report for a `/models/[org]/[name]/…` export; throws ApiError for the handler's toErrorResponse. */
export async function reportForRoute(request: Request, org: string, name: string): Promise<{ ref: ModelRef; report: Report }> {
  const source = new URL(request.url).searchParams.get("source") ?? undefined;
  const ref = modelRefFromRoute(org, name, source);
  if (ref === null) {
    throw new ApiError("not_found", "That is not a model id.");
  }
  const { report, error } = await latestReport(ref, { client: clientKey(request.headers) });
  if (report === null) {
    throw error ? apiErrorFromAudit(error) : new ApiError("upstream_unavailable", "The audit returned nothing.");
  }
  return { ref, report };
}

/** A download file name from a model id ("allenai/OLMo-7B" → "allenai__OLMo-7B"). */
export function fileStem(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, "__");
}

/** A stored snapshot for a `/r/{id}` or API route; an unknown id is the handler's 404. */
export async function requireSnapshot(id: string): Promise<Report> {
  const report = await snapshotStore().get(id);
  if (report === null) {
    throw new ApiError("not_found", `No snapshot with id ${id.slice(0, 40)}.`);
  }
  return report;
}

/** A report's MOF record as a MOT YAML download. */
export function yamlDownload(report: Report, cacheControl: string): Response {
  return new Response(toMofYaml(report.record), {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${fileStem(report.model.id)}.yml"`,
      "cache-control": cacheControl,
    },
  });
}
