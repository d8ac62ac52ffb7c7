import { modelRefFromRoute } from "@/lib/report/model-ref";
import { reportBadgeResponse, requestedBadge } from "@/lib/server/http/badge-response";
import { clientKey } from "@/lib/server/http/rate-limit";
import { checkStoredModelHeadAfterResponse, stalenessOfReport } from "@/lib/server/loaders/freshness";
import { latestReport } from "@/lib/server/loaders/latest-report";

interface Context {
  params: Promise<{ org: string; file: string }>;
}

/**
 * `/badge/{org}/{name}.svg[?style=…][&framework=osaid]`: the model's current class (or OSAID verdict), "(stale)"
 * after it when the model has moved on since; "unknown" (grey) when it cannot be audited.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadge(request);
  if (!requested.ok) {
    return requested.response;
  }
  const { org, file } = await params;
  const name = file.endsWith(".svg") ? file.slice(0, -4) : null;
  const ref = name === null ? null : modelRefFromRoute(org, name, new URL(request.url).searchParams.get("source") ?? undefined);
  if (ref === null) {
    return reportBadgeResponse(null, requested.framework, requested.style, { status: 404 });
  }
  const { report, cached } = await latestReport(ref, { client: clientKey(request.headers) });
  if (report === null) {
    return reportBadgeResponse(null, requested.framework, requested.style, { cacheControl: "public, max-age=300" });
  }
  // a stored report's model head is checked after the badge is sent; a later request shows what the check found
  if (cached) {
    checkStoredModelHeadAfterResponse(report);
  }
  const stale = (await stalenessOfReport(report).catch(() => null)) !== null;
  return reportBadgeResponse(report, requested.framework, requested.style, { stale });
}
