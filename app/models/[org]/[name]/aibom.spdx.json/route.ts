import { toErrorResponse } from "@/lib/api/errors";
import { modelExport } from "@/lib/server/loaders/report-export";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** The latest report as a SPDX 3.0.1 AI-BOM (JSON-LD). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { org, name } = await params;
    return await modelExport(request, org, name, "spdx");
  } catch (error) {
    return toErrorResponse(error);
  }
}
