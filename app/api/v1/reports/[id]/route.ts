import { NextResponse } from "next/server";
import { ApiError, toErrorResponse } from "@/lib/api-errors";
import { reportSchema } from "@/lib/report/schema";
import { snapshotStore } from "@/lib/report/store";

interface Context {
  params: Promise<{ id: string }>;
}

/** A stored snapshot by id; immutable, so caches may keep it for good. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const report = snapshotStore().get(id);
    if (report === null) {
      throw new ApiError("not_found", `No snapshot with id ${id.slice(0, 40)}.`);
    }
    return NextResponse.json(reportSchema.parse(report), { headers: { "cache-control": "public, max-age=31536000, immutable" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
