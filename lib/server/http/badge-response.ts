import { BADGE_HEADERS, type BadgeInput, badgeSvg, refusedBadgeSvg } from "@/lib/report/badge";
import { type BadgeStyle, parseBadgeStyle } from "@/lib/report/badge-style";

/**
 * The style a badge request asks for with `?style=` (flat when none), or its answer when the style is not one there
 * is: 400 with a badge naming the styles, never cached. Read before any lookup, so a bad URL costs nothing upstream.
 */
export function requestedBadgeStyle(request: Request): { ok: true; style: BadgeStyle } | { ok: false; response: Response } {
  const parsed = parseBadgeStyle(new URL(request.url).searchParams.get("style"));
  if (parsed.ok) {
    return parsed;
  }
  return { ok: false, response: new Response(refusedBadgeSvg(parsed.message), { status: 400, headers: { ...BADGE_HEADERS, "cache-control": "no-store" } }) };
}

/** A badge as an SVG response with the badge headers; `cacheControl` shortens the caching of a badge that may soon change. */
export function badgeResponse(input: BadgeInput, style: BadgeStyle, { status = 200, cacheControl }: { status?: number; cacheControl?: string } = {}): Response {
  return new Response(badgeSvg(input, style), { status, headers: cacheControl ? { ...BADGE_HEADERS, "cache-control": cacheControl } : BADGE_HEADERS });
}
