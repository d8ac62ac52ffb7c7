import { toErrorResponse } from "@/lib/api/errors";
import { modelExport } from "@/lib/server/loaders/report-export";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** The latest report as a CycloneDX 1.6 ML-BOM. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { org, name } = await params;
    return await modelExport(request, org, name, "cyclonedx");
  } catch (error) {
    return toErrorResponse(error);
  }
}
