import { toErrorResponse } from "@/lib/api/errors";
import { requireSnapshot, yamlDownload } from "@/lib/server/loaders/route-report";

interface Context {
  params: Promise<{ id: string }>;
}

/** The MOT record a snapshot was graded from; immutable like the snapshot. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    return yamlDownload(await requireSnapshot((await params).id), "public, max-age=31536000, immutable");
  } catch (error) {
    return toErrorResponse(error);
  }
}
