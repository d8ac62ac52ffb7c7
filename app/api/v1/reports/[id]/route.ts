import { NextResponse } from "next/server";
import { toErrorResponse } from "@/lib/api/errors";
import { reportJson } from "@/lib/frameworks/report-json";
import { requestedFormat, snapshotExport } from "@/lib/server/loaders/report-export";
import { requireSnapshot } from "@/lib/server/loaders/route-report";

interface Context {
  params: Promise<{ id: string }>;
}

/** A stored snapshot by id; immutable, so caches may keep it for good. `?format=` gives another file. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const format = requestedFormat(request);
    if (format !== "json") {
      return await snapshotExport((await params).id, format);
    }
    const report = await requireSnapshot((await params).id);
    return NextResponse.json(reportJson(report), { headers: { "cache-control": "public, max-age=31536000, immutable" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
