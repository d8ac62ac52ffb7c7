import { toErrorResponse } from "@/lib/api/errors";
import { snapshotExport } from "@/lib/server/loaders/report-export";

interface Context {
  params: Promise<{ id: string }>;
}

/** A snapshot as a SPDX 3.0.1 AI-BOM (JSON-LD); immutable like the snapshot. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    return await snapshotExport((await params).id, "spdx");
  } catch (error) {
    return toErrorResponse(error);
  }
}
