import { toErrorResponse } from "@/lib/api/errors";
import { requireRecord } from "@/lib/server/loaders/record-page";

interface Context {
  params: Promise<{ name: string }>;
}

/** The record exactly as it stands in MOT's repository (at the synced commit). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  try {
    const found = await requireRecord((await params).name);
    return new Response(found.record.yaml, {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${found.record.file.replace(/[^A-Za-z0-9._-]+/g, "_")}"`,
        "cache-control": "public, max-age=3600",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
