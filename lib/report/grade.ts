import { componentByCid } from "@/lib/mof/components";
import type { Report } from "./schema";

/** What the openness index keeps of a report: enough to rank, filter and summarise it without reading the report. */
export interface Grade {
  class: Report["class"];
  /** Openness order: 0 for no class, then Class III, II, I as 1, 2, 3. */
  rank: number;
  /** Percent of the next class's components in place (100 at Class I, which has no next class). */
  progress: number;
  /** The licences the MOF engine resolved for the release's components, distinct, in component order. */
  licences: string[];
  /** MOF names of the components the next class still needs (those known to be absent, not those unknown). */
  gaps: string[];
  pipeline: string | null;
  /** Lower-cased organisation or user that publishes the release. */
  org: string;
  sha: string | null;
}

const RANK: Record<Report["class"], number> = { 0: 0, 3: 1, 2: 2, 1: 3 };

/** The organisation of a hub or GitHub id, lower-cased. */
export function orgOf(id: string): string {
  return (id.split("/")[0] ?? "").toLowerCase();
}

/** The index's summary of one report. */
export function gradeOf(report: Report): Grade {
  const licences = [...new Set(report.components.flatMap((c) => (c.license === null ? [] : [c.license])))];
  const gaps = (report.next?.items ?? []).filter((item) => item.status !== "unknown").map((item) => componentByCid(item.cid)?.name ?? item.name);
  return {
    class: report.class,
    rank: RANK[report.class],
    progress: report.next === null ? 100 : report.progress[report.next.class],
    licences,
    gaps: [...new Set(gaps)],
    pipeline: report.modelInfo?.task ?? null,
    org: orgOf(report.model.id),
    sha: report.model.sha,
  };
}
