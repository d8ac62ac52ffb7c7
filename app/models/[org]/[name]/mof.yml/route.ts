import { toErrorResponse } from "@/lib/api/errors";
import { reportForRoute, yamlDownload } from "@/lib/server/loaders/route-report";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** The generated MOT record, ready to submit to the Model Openness Tool. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { org, name } = await params;
    const { report } = await reportForRoute(request, org, name);
    return yamlDownload(report, "no-store");
  } catch (error) {
    return toErrorResponse(error);
  }
}
