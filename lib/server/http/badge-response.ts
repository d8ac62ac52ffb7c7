import { type BadgeFramework, mofBadgeInput, parseBadgeFramework, reportBadgeSvg } from "@/lib/frameworks/badge";
import { BADGE_HEADERS, type BadgeInput, badgeSvg, refusedBadgeSvg } from "@/lib/report/badge";
import { type BadgeStyle, parseBadgeStyle } from "@/lib/report/badge-style";
import type { Report } from "@/lib/report/schema";

// a badge naming what the request got wrong, never cached
const refusedBadge = (message: string) => new Response(refusedBadgeSvg(message), { status: 400, headers: { ...BADGE_HEADERS, "cache-control": "no-store" } });

/**
 * The style a badge request asks for with `?style=` (flat when none), or its answer when the style is not one there
 * is: 400 with a badge naming the styles, never cached. Read before any lookup, so a bad URL costs nothing upstream.
 */
export function requestedBadgeStyle(request: Request): { ok: true; style: BadgeStyle } | { ok: false; response: Response } {
  const parsed = parseBadgeStyle(new URL(request.url).searchParams.get("style"));
  if (parsed.ok) {
    return parsed;
  }
  return { ok: false, response: refusedBadge(parsed.message) };
}

interface ResponseOptions {
  status?: number;
  cacheControl?: string;
}

const svgResponse = (svg: string, { status = 200, cacheControl }: ResponseOptions) =>
  new Response(svg, { status, headers: cacheControl ? { ...BADGE_HEADERS, "cache-control": cacheControl } : BADGE_HEADERS });

/** A badge as an SVG response with the badge headers; `cacheControl` shortens the caching of a badge that may soon change. */
export function badgeResponse(input: BadgeInput, style: BadgeStyle, options: ResponseOptions = {}): Response {
  return svgResponse(badgeSvg(input, style), options);
}

/** The framework a badge request asks for with `?framework=` (MOF when none), or a 400 badge naming the frameworks. */
function requestedBadgeFramework(request: Request): { ok: true; framework: BadgeFramework } | { ok: false; response: Response } {
  const parsed = parseBadgeFramework(new URL(request.url).searchParams.get("framework"));
  if (parsed.ok) {
    return parsed;
  }
  return { ok: false, response: refusedBadge(parsed.message) };
}

/** Both of a badge request's choices, `?style=` then `?framework=`, or the 400 badge of the first that is wrong. */
export function requestedBadge(request: Request): { ok: true; style: BadgeStyle; framework: BadgeFramework } | { ok: false; response: Response } {
  const style = requestedBadgeStyle(request);
  if (!style.ok) {
    return style;
  }
  const framework = requestedBadgeFramework(request);
  return framework.ok ? { ok: true, style: style.style, framework: framework.framework } : framework;
}

/**
 * A report's badge (or the unknown badge when there is none) in the framework and style asked for; a MOF badge says
 * "(stale)" when the model has moved on since the report.
 */
export function reportBadgeResponse(
  report: Report | null,
  framework: BadgeFramework,
  style: BadgeStyle,
  options: ResponseOptions & { stale?: boolean } = {},
): Response {
  const { stale = false, ...response } = options;
  return framework === "mof" ? badgeResponse(mofBadgeInput(report, stale), style, response) : svgResponse(reportBadgeSvg(report, framework, style), response);
}
