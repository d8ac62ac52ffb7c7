import { snapshotStore } from "@/lib/db/snapshots";
import { reportBadgeResponse, requestedBadgeFramework, requestedBadgeStyle } from "@/lib/server/http/badge-response";

interface Context {
  params: Promise<{ id: string }>;
}

/** The badge of one snapshot (classified YAML records have no model page, so they are badged by snapshot). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadgeStyle(request);
  if (!requested.ok) {
    return requested.response;
  }
  const framework = requestedBadgeFramework(request);
  if (!framework.ok) {
    return framework.response;
  }
  const report = await snapshotStore().get((await params).id);
  return reportBadgeResponse(report, framework.framework, requested.style, report ? {} : { status: 404 });
}
