import { snapshotStore } from "@/lib/db/snapshots";
import { UNKNOWN_BADGE } from "@/lib/report/badge";
import { badgeResponse, requestedBadgeStyle } from "@/lib/server/http/badge-response";

interface Context {
  params: Promise<{ id: string }>;
}

/** The badge of one snapshot (classified YAML records have no model page, so they are badged by snapshot). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadgeStyle(request);
  if (!requested.ok) {
    return requested.response;
  }
  const report = await snapshotStore().get((await params).id);
  return report
    ? badgeResponse({ class: report.class, provisional: report.provisional }, requested.style)
    : badgeResponse(UNKNOWN_BADGE, requested.style, { status: 404 });
}
