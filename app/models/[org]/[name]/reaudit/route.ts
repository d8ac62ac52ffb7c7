import { type NextRequest, NextResponse } from "next/server";
import { modelPath, modelRefFromRoute } from "@/lib/model-ref";
import { clientKey } from "@/lib/rate-limit";
import { latestReport } from "@/lib/report/latest";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** The re-audit button: audits again past every cache, then sends the browser back to the page (303). */
export async function POST(request: NextRequest, { params }: Context): Promise<Response> {
  const { org, name } = await params;
  const ref = modelRefFromRoute(org, name, request.nextUrl.searchParams.get("source") ?? undefined);
  if (ref === null) {
    return new NextResponse("Not a model id", { status: 404 });
  }
  const result = await latestReport(ref, { client: clientKey(request.headers), force: true });
  const target = new URL(modelPath(ref), request.url);
  if (result.error?.code === "rate_limited") {
    target.searchParams.set("notice", "limited");
    target.searchParams.set("retry", String(result.error.retryAfterSeconds ?? 60));
  } else {
    target.searchParams.set("notice", result.error ? "failed" : "done");
  }
  return NextResponse.redirect(target, 303);
}
