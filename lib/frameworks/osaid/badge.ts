import { drawBadge } from "@/lib/report/badge";
import type { BadgeStyle } from "@/lib/report/badge-style";
import type { Osaid, OsaidStatus } from "./schema";

// white text passes 4.5:1 on each
const COLOURS: Record<OsaidStatus, string> = { meets: "#1a7f37", fails: "#b42318", unknown: "#6639ba" };

/** The badge text: "meets", "fails", "unknown (judgement)"; "unknown" when there is no report to judge. */
export function osaidBadgeMessage(osaid: Pick<Osaid, "verdict" | "unknownKinds"> | null): string {
  if (osaid === null) {
    return "unknown";
  }
  return osaid.verdict === "unknown" && osaid.unknownKinds.length > 0 ? `unknown (${osaid.unknownKinds.join(", ")})` : osaid.verdict;
}

/** "OSAID 1.0 | meets", coloured by verdict; grey when there is no report. */
export function osaidBadgeSvg(osaid: Pick<Osaid, "verdict" | "unknownKinds" | "definition"> | null, style: BadgeStyle = "flat"): string {
  return drawBadge(`OSAID ${osaid?.definition.version ?? "1.0"}`, osaidBadgeMessage(osaid), osaid ? COLOURS[osaid.verdict] : undefined, style);
}
