import type { NextRequest } from "next/server";
import { modelPath, modelRefFromRoute } from "@/lib/report/model-ref";
import { clientKey } from "@/lib/server/http/rate-limit";
import { isSameOriginRequest } from "@/lib/server/http/same-origin";
import { latestReport } from "@/lib/server/loaders/latest-report";
import { refusedPage } from "@/lib/server/pages/status-pages";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/**
 * The re-audit button: audits again past every cache, then sends the browser back to the page (303). A form posted
 * from another site is refused (403) before any work: it would spend its visitors' audit limit on audits they never asked for.
 */
export async function POST(request: NextRequest, { params }: Context): Promise<Response> {
  const { org, name } = await params;
  const ref = modelRefFromRoute(org, name, request.nextUrl.searchParams.get("source") ?? undefined);
  if (!isSameOriginRequest(request)) {
    return refusedPage("cross_site", ref);
  }
  if (ref === null) {
    return new Response("Not a model id", { status: 404 });
  }
  const result = await latestReport(ref, { client: clientKey(request.headers), force: true });
  const notice =
    result.error?.code === "rate_limited" ? `notice=limited&retry=${result.error.retryAfterSeconds ?? 60}` : `notice=${result.error ? "failed" : "done"}`;
  const path = modelPath(ref);
  // a relative Location keeps the browser on the origin it used, whatever Host the server saw
  return new Response(null, { status: 303, headers: { location: `${path}${path.includes("?") ? "&" : "?"}${notice}` } });
}
