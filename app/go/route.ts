import type { NextRequest } from "next/server";
import { refForInput } from "@/lib/audit/model-input";
import { modelPath } from "@/lib/report/model-ref";
import { badUrlPage } from "@/lib/server/pages/status-pages";

/** The home form's target: a recognised model redirects (303) to its page; anything else is a 400 that explains why. */
export async function GET(request: NextRequest): Promise<Response> {
  const input = request.nextUrl.searchParams.get("url") ?? "";
  const target = refForInput(input);
  if (target.ok) {
    return new Response(null, { status: 303, headers: { location: modelPath(target.ref) } });
  }
  return badUrlPage(input, target.code);
}
