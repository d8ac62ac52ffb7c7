import { type NextRequest, NextResponse } from "next/server";
import { ApiError, apiErrorFromAudit, toErrorResponse } from "@/lib/api/errors";
import { refForInput } from "@/lib/audit/model-input";
import { reportJson } from "@/lib/frameworks/report-json";
import { clientKey } from "@/lib/server/http/rate-limit";
import { latestReport } from "@/lib/server/loaders/latest-report";
import { exportResponse, reportPageUrl, requestedFormat } from "@/lib/server/loaders/report-export";

/** `?url=` a model URL or id: the latest report (stored while fresh, else audited; audits are rate-limited); `?format=` another file. */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const format = requestedFormat(request);
    const input = request.nextUrl.searchParams.get("url") ?? "";
    const target = refForInput(input);
    if (!target.ok) {
      throw new ApiError("bad_input", `${target.message}.`);
    }
    const { report, error, cached } = await latestReport(target.ref, { client: clientKey(request.headers) });
    if (error) {
      throw apiErrorFromAudit(error);
    }
    if (report === null) {
      throw new ApiError("upstream_unavailable", "The audit returned nothing.");
    }
    if (format !== "json") {
      const response = exportResponse(report, format, reportPageUrl(report), "no-store");
      response.headers.set("x-mofscope-cache", cached ? "hit" : "miss");
      return response;
    }
    return NextResponse.json(reportJson(report), { headers: { "cache-control": "no-store", "x-mofscope-cache": cached ? "hit" : "miss" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
