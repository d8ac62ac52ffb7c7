import { UNKNOWN_BADGE } from "@/lib/report/badge";
import { badgeResponse, requestedBadgeStyle } from "@/lib/server/http/badge-response";
import { recordForRoute } from "@/lib/server/loaders/record-page";

interface Context {
  params: Promise<{ name: string }>;
}

/** The class a MOT record's own components give; grey "unknown" for a name MOT does not list. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadgeStyle(request);
  if (!requested.ok) {
    return requested.response;
  }
  const found = await recordForRoute((await params).name);
  return found
    ? badgeResponse({ class: found.report.class, provisional: false }, requested.style)
    : badgeResponse(UNKNOWN_BADGE, requested.style, { status: 404 });
}
