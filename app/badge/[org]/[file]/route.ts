import { modelRefFromRoute } from "@/lib/report/model-ref";
import { reportBadgeResponse, requestedBadgeFramework, requestedBadgeStyle } from "@/lib/server/http/badge-response";
import { clientKey } from "@/lib/server/http/rate-limit";
import { latestReport } from "@/lib/server/loaders/latest-report";

interface Context {
  params: Promise<{ org: string; file: string }>;
}

/** `/badge/{org}/{name}.svg[?style=…][&framework=osaid]`: the model's current class (or OSAID verdict); "unknown" (grey) when it cannot be audited. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const requested = requestedBadgeStyle(request);
  if (!requested.ok) {
    return requested.response;
  }
  const framework = requestedBadgeFramework(request);
  if (!framework.ok) {
    return framework.response;
  }
  const { org, file } = await params;
  const name = file.endsWith(".svg") ? file.slice(0, -4) : null;
  const ref = name === null ? null : modelRefFromRoute(org, name, new URL(request.url).searchParams.get("source") ?? undefined);
  if (ref === null) {
    return reportBadgeResponse(null, framework.framework, requested.style, { status: 404 });
  }
  const { report } = await latestReport(ref, { client: clientKey(request.headers) });
  return reportBadgeResponse(report, framework.framework, requested.style, report ? {} : { cacheControl: "public, max-age=300" });
}
