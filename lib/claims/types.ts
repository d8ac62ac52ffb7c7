import type { ClassNumber, ComponentStatus } from "@/lib/mof";
import type { LicenseFinding, ReportComponent } from "@/lib/report/schema";

export const CLAIM_VERDICTS = [
  "claimed_and_found",
  "license_differs",
  "claimed_not_found",
  "found_not_claimed",
  "claimed_unknown",
  "unclaimed_unknown",
  "agree_missing",
] as const;

/** How a record's claim about one component stands against what the audit found. */
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export interface ComponentClaim {
  cid: number;
  name: string;
  verdict: ClaimVerdict;
  /** The engine's verdict on the record: listed or not, and the licence it resolves to. */
  claimed: { listed: boolean; status: ComponentStatus; license: string | null; path: string | null };
  found: Pick<ReportComponent, "status" | "license" | "licenses" | "evidence" | "unknownBecause">;
  /** Licences found that are not the one claimed. */
  differing: LicenseFinding[];
  /** The sentence for the producer; null when both sides agree. */
  message: string | null;
}

export interface ClaimComparison {
  record: string;
  model: string;
  classes: { claimed: ClassNumber; claimedLabel: string; found: ClassNumber; foundLabel: string; provisional: boolean };
  components: ComponentClaim[];
  counts: Record<ClaimVerdict, number>;
  /** Sentences for the producer, class first, then per component in MOT's order. */
  disagreements: string[];
  /** Claims the audit could not check because a source failed. */
  unchecked: string[];
}
