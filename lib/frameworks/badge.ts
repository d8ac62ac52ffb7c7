import { z } from "zod";
import { type BadgeInput, badgeSvg, UNKNOWN_BADGE } from "@/lib/report/badge";
import type { BadgeStyle } from "@/lib/report/badge-style";
import type { Report } from "@/lib/report/schema";
import { osaidOf } from "./osaid";
import { osaidBadgeSvg } from "./osaid/badge";

/** The frameworks a badge URL may ask for with `?framework=`. */
export const BADGE_FRAMEWORKS = ["mof", "osaid"] as const;

export type BadgeFramework = (typeof BADGE_FRAMEWORKS)[number];

const frameworkSchema = z.enum(BADGE_FRAMEWORKS, { error: `framework must be ${BADGE_FRAMEWORKS.join(" or ")}` }).default("mof");

/** The framework a badge URL's `framework` parameter names (MOF when it names none), or why it names none there is. */
export function parseBadgeFramework(value: string | null): { ok: true; framework: BadgeFramework } | { ok: false; message: string } {
  const parsed = frameworkSchema.safeParse(value ?? undefined);
  return parsed.success ? { ok: true, framework: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "invalid framework" };
}

/** What a MOF badge shows for a report, or for none; `stale` when its model has moved on since. */
export function mofBadgeInput(report: Pick<Report, "class" | "provisional"> | null, stale = false): BadgeInput {
  return report ? { class: report.class, provisional: report.provisional, ...(stale ? { stale } : {}) } : UNKNOWN_BADGE;
}

/** A report's badge in the framework asked for: its MOF class, or its OSAID verdict read from the same report. */
export function reportBadgeSvg(report: Pick<Report, "class" | "provisional" | "components"> | null, framework: BadgeFramework, style: BadgeStyle): string {
  return framework === "osaid" ? osaidBadgeSvg(report ? osaidOf(report) : null, style) : badgeSvg(mofBadgeInput(report), style);
}
