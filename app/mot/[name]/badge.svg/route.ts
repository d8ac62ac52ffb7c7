import { reportBadgeResponse, requestedBadge } from "@/lib/server/http/badge-response";
import { recordForRoute } from "@/lib/server/loaders/record-page";

interface Context {
  params: Promise<{ name: string }>;
}

/** The class a MOT record's own components give; grey "unknown" for a name MOT does not list. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadge(request);
  if (!requested.ok) {
    return requested.response;
  }
  const found = await recordForRoute((await params).name);
  return found
    ? reportBadgeResponse(found.report, requested.framework, requested.style)
    : reportBadgeResponse(null, requested.framework, requested.style, { status: 404 });
}
