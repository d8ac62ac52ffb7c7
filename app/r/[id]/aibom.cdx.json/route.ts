import { toErrorResponse } from "@/lib/api/errors";
import { snapshotExport } from "@/lib/server/loaders/report-export";

interface Context {
  params: Promise<{ id: string }>;
}

/** A snapshot as a CycloneDX 1.6 ML-BOM; immutable like the snapshot. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    return await snapshotExport((await params).id, "cyclonedx");
  } catch (error) {
    return toErrorResponse(error);
  }
}
