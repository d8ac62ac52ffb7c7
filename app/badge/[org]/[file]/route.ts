import { UNKNOWN_BADGE } from "@/lib/report/badge";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { badgeResponse, requestedBadgeStyle } from "@/lib/server/http/badge-response";
import { clientKey } from "@/lib/server/http/rate-limit";
import { latestReport } from "@/lib/server/loaders/latest-report";

interface Context {
  params: Promise<{ org: string; file: string }>;
}

/** `/badge/{org}/{name}.svg[?style=…]`: the model's current class; "unknown" (grey) when it cannot be audited. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadgeStyle(request);
  if (!requested.ok) {
    return requested.response;
  }
  const { org, file } = await params;
  const name = file.endsWith(".svg") ? file.slice(0, -4) : null;
  const ref = name === null ? null : modelRefFromRoute(org, name, new URL(request.url).searchParams.get("source") ?? undefined);
  if (ref === null) {
    return badgeResponse(UNKNOWN_BADGE, requested.style, { status: 404 });
  }
  const { report } = await latestReport(ref, { client: clientKey(request.headers) });
  return report
    ? badgeResponse({ class: report.class, provisional: report.provisional }, requested.style)
    : badgeResponse(UNKNOWN_BADGE, requested.style, { cacheControl: "public, max-age=300" });
}
