import { makeBadge } from "badge-maker";
import type { BadgeStyle } from "./badge-style";
import { CLASS_COLOURS } from "./display";
import type { Report } from "./schema";

const ROMAN = { 1: "I", 2: "II", 3: "III" } as const;

const UNKNOWN_COLOUR = "#9f9f9f";
const REFUSED_COLOUR = "#e05d44";

export interface BadgeInput {
  class: Report["class"] | null;
  provisional: boolean;
  /** The model has moved on since the report's commit. */
  stale?: boolean;
}

/** What a badge shows for a model, snapshot or record it cannot find or grade. */
export const UNKNOWN_BADGE: BadgeInput = { class: null, provisional: false };

/**
 * The badge text: "Class II", "unclassified", "unknown", with "(provisional)" when sources failed and "(stale)"
 * when the model has moved on since ("Class II (provisional, stale)"); the colour stays the class's.
 */
export function badgeMessage({ class: cls, provisional, stale = false }: BadgeInput): string {
  const base = cls === null ? "unknown" : cls === 0 ? "unclassified" : `Class ${ROMAN[cls]}`;
  const notes = cls === null ? [] : [...(provisional ? ["provisional"] : []), ...(stale ? ["stale"] : [])];
  return notes.length > 0 ? `${base} (${notes.join(", ")})` : base;
}

/**
 * A shields.io badge, "MOF | Class I", coloured by class and sized by the glyph widths of its font (badge-maker
 * measures Verdana and escapes every text it writes).
 */
export function badgeSvg(input: BadgeInput, style: BadgeStyle = "flat", label = "MOF"): string {
  const color = input.class === null ? UNKNOWN_COLOUR : CLASS_COLOURS[input.class];
  return drawBadge(label, badgeMessage(input), color, style);
}

/** A shields.io badge of any label, message and colour (another framework's verdict); grey means unknown. */
export function drawBadge(label: string, message: string, color: string = UNKNOWN_COLOUR, style: BadgeStyle = "flat"): string {
  return makeBadge({ label, message, color, style });
}

/** The badge that answers a badge URL it cannot draw, saying why. */
export function refusedBadgeSvg(message: string, label = "MOF"): string {
  return makeBadge({ label, message, color: REFUSED_COLOUR, style: "flat" });
}

export const BADGE_HEADERS = {
  "content-type": "image/svg+xml; charset=utf-8",
  "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
  // an SVG opened directly must not run anything
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
} as const;
