import { BADGE_HEADERS, badgeSvg } from "@/lib/report/badge";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { clientKey } from "@/lib/server/http/rate-limit";
import { latestReport } from "@/lib/server/loaders/latest-report";

interface Context {
  params: Promise<{ org: string; file: string }>;
}

/** `/badge/{org}/{name}.svg`: the model's current class; "unknown" (grey) when it cannot be audited. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { org, file } = await params;
  const name = file.endsWith(".svg") ? file.slice(0, -4) : null;
  const ref = name === null ? null : modelRefFromRoute(org, name, new URL(request.url).searchParams.get("source") ?? undefined);
  if (ref === null) {
    return new Response(badgeSvg({ class: null, provisional: false }), { status: 404, headers: BADGE_HEADERS });
  }
  const { report } = await latestReport(ref, { client: clientKey(request.headers) });
  const svg = badgeSvg(report ? { class: report.class, provisional: report.provisional } : { class: null, provisional: false });
  return new Response(svg, { headers: report ? BADGE_HEADERS : { ...BADGE_HEADERS, "cache-control": "public, max-age=300" } });
}
