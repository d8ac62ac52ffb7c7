import { ApiError, toErrorResponse } from "@/lib/api-errors";
import { toMofYaml } from "@/lib/mof";
import { fileStem } from "@/lib/report/route-report";
import { snapshotStore } from "@/lib/report/store";

interface Context {
  params: Promise<{ id: string }>;
}

/** The MOT record a snapshot was graded from. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const { id } = await params;
    const report = snapshotStore().get(id);
    if (report === null) {
      throw new ApiError("not_found", "No such snapshot.");
    }
    return new Response(toMofYaml(report.record), {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${fileStem(report.model.id)}.yml"`,
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
