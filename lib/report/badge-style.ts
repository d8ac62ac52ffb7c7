import { z } from "zod";

/** The shields.io styles a badge URL may ask for with `?style=`. */
export const BADGE_STYLES = ["flat", "flat-square", "for-the-badge"] as const;

export type BadgeStyle = (typeof BADGE_STYLES)[number];

const styleSchema = z.enum(BADGE_STYLES, { error: `style must be ${BADGE_STYLES.slice(0, -1).join(", ")} or ${BADGE_STYLES.at(-1)}` }).default("flat");

/** The style a badge URL's `style` parameter names (flat when it names none), or why it names no style there is. */
export function parseBadgeStyle(value: string | null): { ok: true; style: BadgeStyle } | { ok: false; message: string } {
  const parsed = styleSchema.safeParse(value ?? undefined);
  return parsed.success ? { ok: true, style: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "invalid style" };
}
