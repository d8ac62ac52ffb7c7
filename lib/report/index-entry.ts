import { classTitle } from "./display";
import type { IndexClass } from "./index-params";

/** One audited model as the openness index lists it. */
export interface LeaderboardEntry {
  source: "hf" | "github";
  modelId: string;
  org: string;
  snapshotId: string;
  class: IndexClass;
  /** The class it is working toward; null at Class I. */
  nextClass: 1 | 2 | 3 | null;
  /** Percent of the next class's components in place. */
  progress: number;
  provisional: boolean;
  licences: string[];
  pipeline: string | null;
  downloads: number | null;
  auditedAt: string;
  /** The commit the latest audit read (null when the upstream gave none). */
  auditedSha: string | null;
  /** The Hub's head commit moved on since the latest audit. */
  stale: boolean;
}

export interface ClassDistribution {
  total: number;
  byClass: Record<IndexClass, number>;
}

export interface FacetCount {
  value: string;
  models: number;
}

/** Models that reach at least Class III: every class but none. */
export function gradedCount(distribution: ClassDistribution): number {
  return distribution.byClass[1] + distribution.byClass[2] + distribution.byClass[3];
}

// a component name inside a sentence: "evaluation code", but "Model parameters (Final)" keeps its capital after the first word
const inSentence = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

/** "3 of 12 audited releases reach Class III or higher; the most common gap: evaluation code." */
export function gradeSummary(distribution: ClassDistribution, gap: FacetCount | null, noun: "release" | "model" = "release"): string {
  const { total } = distribution;
  const reached = gradedCount(distribution);
  const verb = total === 1 ? `${noun} reaches` : `${noun}s reach`;
  const head = total === 0 ? `No ${noun} has been audited yet` : `${reached} of ${total} audited ${verb} ${classTitle(3)} or higher`;
  return gap === null ? `${head}.` : `${head}; the most common gap: ${inSentence(gap.value)}.`;
}
