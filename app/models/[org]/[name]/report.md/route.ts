import { toErrorResponse } from "@/lib/api/errors";
import { frameworksMarkdown } from "@/lib/frameworks/report-json";
import { modelPath } from "@/lib/report/model-ref";
import { siteOrigin } from "@/lib/server/http/origin";
import { reportForRoute } from "@/lib/server/loaders/route-report";

interface Context {
  params: Promise<{ org: string; name: string }>;
}

/** A Markdown summary to paste into an issue or a README. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const { org, name } = await params;
    const { ref, report } = await reportForRoute(request, org, name);
    const body = frameworksMarkdown(report, `${siteOrigin()}${modelPath(ref)}`);
    return new Response(body, { headers: { "content-type": "text/markdown; charset=utf-8", "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
