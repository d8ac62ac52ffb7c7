import { toErrorResponse } from "@/lib/api-errors";
import { toMofYaml } from "@/lib/mof";
import { fileStem, reportForRoute } from "@/lib/report/route-report";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** The generated MOT record, ready to submit to the Model Openness Tool. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { org, name } = await params;
    const { report } = await reportForRoute(request, org, name);
    return new Response(toMofYaml(report.record), {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${fileStem(report.model.id)}.yml"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
