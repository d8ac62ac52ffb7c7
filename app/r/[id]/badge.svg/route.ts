import { snapshotStore } from "@/lib/db/snapshots";
import { BADGE_HEADERS, badgeSvg } from "@/lib/report/badge";

interface Context {
  params: Promise<{ id: string }>;
}

/** The badge of one snapshot (classified YAML records have no model page, so they are badged by snapshot). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const report = await snapshotStore().get((await params).id);
  const svg = badgeSvg(report ? { class: report.class, provisional: report.provisional } : { class: null, provisional: false });
  return new Response(svg, { status: report ? 200 : 404, headers: BADGE_HEADERS });
}
