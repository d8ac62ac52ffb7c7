import { CLASS_COLOURS } from "./display";
import type { Report } from "./schema";

const ROMAN = { 1: "I", 2: "II", 3: "III" } as const;

export interface BadgeInput {
  class: Report["class"] | null;
  provisional: boolean;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

// Verdana 11px averages about 6.5px a character; shields pads each side by 5-6px
function textWidth(text: string): number {
  return Math.round(text.length * 6.5 + 12);
}

/** The badge text: "Class II", "unclassified", "unknown", with " (provisional)" when sources failed. */
export function badgeMessage({ class: cls, provisional }: BadgeInput): string {
  const base = cls === null ? "unknown" : cls === 0 ? "unclassified" : `Class ${ROMAN[cls]}`;
  return provisional && cls !== null ? `${base} (provisional)` : base;
}

/** A shields-style SVG badge: "MOF | Class I", coloured by class; every text is escaped. */
export function badgeSvg(input: BadgeInput, label = "MOF"): string {
  const message = badgeMessage(input);
  const colour = input.class === null ? "#9f9f9f" : CLASS_COLOURS[input.class];
  const lw = textWidth(label);
  const mw = textWidth(message);
  const width = lw + mw;
  const title = escapeXml(`${label}: ${message}`);
  const l = escapeXml(label);
  const m = escapeXml(message);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}"><title>${title}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${colour}"/><rect width="${width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text><text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${m}</text><text x="${lw + mw / 2}" y="14">${m}</text></g></svg>`;
}

export const BADGE_HEADERS = {
  "content-type": "image/svg+xml; charset=utf-8",
  "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
  // an SVG opened directly must not run anything
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
} as const;
