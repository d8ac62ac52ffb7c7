import { BADGE_HEADERS, badgeSvg } from "@/lib/report/badge";
import { recordForRoute } from "@/lib/server/loaders/record-page";

interface Context {
  params: Promise<{ name: string }>;
}

/** The class a MOT record's own components give; grey "unknown" for a name MOT does not list. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const found = await recordForRoute((await params).name);
  const svg = badgeSvg(found ? { class: found.report.class, provisional: false } : { class: null, provisional: false });
  return new Response(svg, { status: found ? 200 : 404, headers: BADGE_HEADERS });
}
