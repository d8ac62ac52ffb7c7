import type { ContentType } from "@/lib/mof";
import { isOpenLicense, isTypeAppropriate, UNLICENSED } from "@/lib/mof";
import type { SourceFailure } from "./facts";
import type { Evidence } from "./schema";

/** One licence that applies to part of a component (a dataset, a repository, the weights), or a part with none. */
export interface LicensePart {
  /** SPDX id or LicenseRef; null when the part has no determinable licence. */
  readonly id: string | null;
  readonly written: string;
  readonly source: Evidence["source"];
  /** Where it was read: "model card `license`", "GitHub licence detection", "arXiv record". */
  readonly from: string;
  readonly url: string;
}

/** What the evidence rules conclude for one component. */
export interface ComponentVerdict {
  readonly state: "found" | "missing" | "unknown";
  readonly evidence: readonly Evidence[];
  readonly licenses: readonly LicensePart[];
  /** Failed sources that left the component unknown (or could have changed it). */
  readonly failures: readonly SourceFailure[];
  /** What was seen that does not count as the component (results shown only as an image), with links. */
  readonly notes?: readonly Evidence[];
}

/** A source that answered "not found" has answered; every other failure leaves the question open. */
export function isInconclusive(failure: SourceFailure): boolean {
  return failure.kind !== "not_found";
}

/** Nothing found: missing, or unknown when a source that could have shown it failed. */
export function missing(failures: readonly SourceFailure[] = []): ComponentVerdict {
  const open = failures.filter(isInconclusive);
  return open.length > 0 ? { state: "unknown", evidence: [], licenses: [], failures: open } : { state: "missing", evidence: [], licenses: [], failures: [] };
}

/**
 * Found parts plus the sources that failed: unknown when a failed source could still hold the part that decides,
 * that is unless a part already found is not openly licensed.
 */
export function settle(evidence: readonly Evidence[], licenses: readonly LicensePart[], failures: readonly SourceFailure[]): ComponentVerdict {
  const open = failures.filter(isInconclusive);
  if (evidence.length === 0) {
    return missing(open);
  }
  const decided = licenses.some((l) => l.id === null || !isOpenLicense(l.id));
  return open.length > 0 && !decided ? { state: "unknown", evidence, licenses, failures: open } : found(evidence, licenses, open);
}

/** Missing (or unknown), with what was seen that does not count. */
export function missingWith(notes: readonly Evidence[], failures: readonly SourceFailure[] = []): ComponentVerdict {
  return notes.length > 0 ? { ...missing(failures), notes } : missing(failures);
}

export function found(evidence: readonly Evidence[], licenses: readonly LicensePart[], failures: readonly SourceFailure[] = []): ComponentVerdict {
  return { state: "found", evidence, licenses, failures };
}

/** The licence that decides the component: the least open of its parts (not open, then none, then open but ill-suited). */
export function decisiveLicense(licenses: readonly LicensePart[], type: ContentType): LicensePart | null {
  const notOpen = licenses.find((l) => l.id !== null && !isOpenLicense(l.id));
  const none = licenses.find((l) => l.id === null);
  const illSuited = licenses.find((l) => l.id !== null && !isTypeAppropriate(l.id, type));
  return notOpen ?? none ?? illSuited ?? licenses[0] ?? null;
}

/** The licence string the MOF record gets for a found component. */
export function recordLicense(licenses: readonly LicensePart[], type: ContentType): string {
  return decisiveLicense(licenses, type)?.id ?? UNLICENSED;
}
