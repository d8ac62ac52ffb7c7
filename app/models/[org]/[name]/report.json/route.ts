import { NextResponse } from "next/server";
import { toErrorResponse } from "@/lib/api/errors";
import { reportJson } from "@/lib/frameworks/report-json";
import { fileStem, reportForRoute } from "@/lib/server/loaders/route-report";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** The latest report as JSON (the same schema as the API). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { org, name } = await params;
    const { report } = await reportForRoute(request, org, name);
    return NextResponse.json(reportJson(report), {
      headers: { "content-disposition": `inline; filename="${fileStem(report.model.id)}.mof-report.json"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
