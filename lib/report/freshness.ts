import type { Report } from "./schema";

/** What the index last learned of a model's head on the Hub (`index_models.sha`, `last_modified`). */
export interface ObservedHead {
  sha: string | null;
  lastModified: string | null;
}

/** The head an audit itself read: what it stores as the model's head, so no older listing calls it stale. */
export function headOfReport(report: Pick<Report, "model" | "modelInfo">): ObservedHead {
  return { sha: report.model.sha, lastModified: report.modelInfo?.lastModified ?? null };
}

/** A report whose model has moved on since it was audited: when the repository changed, if the Hub said. */
export interface Staleness {
  changedAt: string | null;
}

/**
 * Stale when the head is known and is not the commit the report read: the same test the index's stale filter uses
 * (`index_models.sha` known and different from the latest snapshot's commit, a snapshot without one included).
 */
export function stalenessOf(report: Pick<Report, "model">, head: ObservedHead | null): Staleness | null {
  if (head?.sha == null || head.sha === report.model.sha) {
    return null;
  }
  return { changedAt: head.lastModified };
}

/** The notice's text: "stale: the repository changed on 2026-03-01; re-audit". */
export function staleNoticeText(stale: Staleness): string {
  const day = stale.changedAt && !Number.isNaN(Date.parse(stale.changedAt)) ? new Date(stale.changedAt).toISOString().slice(0, 10) : null;
  return `stale: the repository changed${day ? ` on ${day}` : " since this audit"}; re-audit`;
}
