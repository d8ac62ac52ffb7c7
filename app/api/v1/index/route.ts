import { type NextRequest, NextResponse } from "next/server";
import { toErrorResponse } from "@/lib/api/errors";
import { entryJson, leaderboardCsv, leaderboardPage, requireIndexParams } from "@/lib/server/loaders/leaderboard";

/**
 * The openness index, a page at a time: `?org=&class=&licence=&pipeline=&stale=&sort=&cursor=&limit=`, read from the
 * database only (never upstream, so no rate limit); `?format=csv` gives every matching model as one CSV file.
 */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const params = requireIndexParams(request.nextUrl.searchParams);
    if (params.format === "csv") {
      // one row is read before answering, so an unreachable database is a status rather than a broken file
      await leaderboardPage({ ...params, cursor: null, limit: 1 });
      return new Response(leaderboardCsv(params), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": 'attachment; filename="mofscope-index.csv"',
          "cache-control": "no-store",
        },
      });
    }
    const page = await leaderboardPage(params);
    return NextResponse.json(
      { items: page.items.map(entryJson), nextCursor: page.nextCursor, total: page.total },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
