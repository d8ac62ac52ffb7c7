import { NextResponse } from "next/server";
import { toErrorResponse } from "@/lib/api/errors";
import { reportJson } from "@/lib/frameworks/report-json";
import { requireRecord } from "@/lib/server/loaders/record-page";
import { fileStem } from "@/lib/server/loaders/route-report";

interface Context {
  params: Promise<{ name: string }>;
}

/** The self-reported report of a MOT record as JSON (the API's schema, `model.source` "mot"). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const found = await requireRecord((await params).name);
    return NextResponse.json(reportJson(found.report), {
      headers: { "content-disposition": `inline; filename="mot__${fileStem(found.record.name)}.mof-report.json"`, "cache-control": "public, max-age=3600" },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
