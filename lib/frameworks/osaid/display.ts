import type { StatusView } from "@/lib/report/display";
import type { OsaidStatus, UnknownKind } from "./schema";

const VIEWS: Record<OsaidStatus, StatusView> = {
  meets: { label: "Meets", icon: "✓", tone: "ok" },
  fails: { label: "Fails", icon: "✗", tone: "bad" },
  unknown: { label: "Unknown", icon: "?", tone: "unknown" },
};

const UNKNOWN_LABELS: Record<UnknownKind, string> = { source: "Unknown: a source failed", judgement: "Judgement call" };

/** How an OSAID verdict reads: icon, words and tone, with why an unknown one is open. */
export function osaidView(status: OsaidStatus, unknownKinds: readonly UnknownKind[] = []): StatusView {
  const view = VIEWS[status];
  if (status !== "unknown" || unknownKinds.length === 0) {
    return view;
  }
  return { ...view, label: unknownKinds.length === 1 ? UNKNOWN_LABELS[unknownKinds[0] as UnknownKind] : "Unknown: a source failed, and a judgement call" };
}

/** What the licence test asks, in words. */
export const LICENCE_TEST_LABELS = { "osi-approved": "OSI-approved licence", "osd-conformant": "OSD-conformant terms" } as const;
