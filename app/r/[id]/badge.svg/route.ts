import { snapshotStore } from "@/lib/db/snapshots";
import { reportBadgeResponse, requestedBadge } from "@/lib/server/http/badge-response";

interface Context {
  params: Promise<{ id: string }>;
}

/** The badge of one snapshot (classified YAML records have no model page, so they are badged by snapshot). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadge(request);
  if (!requested.ok) {
    return requested.response;
  }
  const report = await snapshotStore().get((await params).id);
  return reportBadgeResponse(report, requested.framework, requested.style, report ? {} : { status: 404 });
}
