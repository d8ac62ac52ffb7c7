import type { ContentType, MofClass } from "./components";
import type { LicenseSource } from "./resolve";

/** A component's verdict; `optional` is MOT's bucket for an openly licensed optional component. */
export type ComponentStatus = "included" | "missing" | "unlicensed" | "invalid" | "optional";

export interface ComponentResult {
  readonly cid: number;
  readonly name: string;
  readonly type: ContentType;
  readonly class: MofClass;
  readonly required: boolean;
  readonly status: ComponentStatus;
  /** Resolved licence id; null when the component is not listed. */
  readonly license: string | null;
  readonly licenseSource: LicenseSource | null;
  readonly open: boolean;
  /** Open but not on MOF's list for this content type (MOT's "conditional pass"; a warning only). */
  readonly typeAppropriate: boolean;
  /** Set when another component fills this one's slot (the paper for the technical report). */
  readonly substitutedBy: number | null;
  /** Index of the record entry that decided this component, for linking back to the YAML. */
  readonly entryIndex: number | null;
}

export interface ClassBuckets {
  readonly included: number[];
  readonly missing: number[];
  readonly invalid: number[];
  readonly unlicensed: number[];
  readonly optional: number[];
}

export type ClassNumber = 0 | MofClass;
export type Progress = Record<MofClass, number>;

export interface MissingItem {
  readonly cid: number;
  readonly name: string;
  readonly status: "missing" | "unlicensed" | "invalid";
  readonly license: string | null;
}

export interface NextClass {
  readonly class: MofClass;
  readonly items: readonly MissingItem[];
}

export type WarningCode =
  | "unknown-component-name"
  | "duplicate-component"
  | "unknown-license"
  | "license-whitespace"
  | "license-case"
  | "not-open-license"
  | "not-type-appropriate"
  | "unlicensed-overrides-global"
  | "report-substituted-by-paper"
  | "hidden-by-date"
  | "name-whitespace";

export interface Warning {
  readonly code: WarningCode;
  /** Path of the field in the record, e.g. `release.components[3].license`. */
  readonly path: string;
  readonly message: string;
  readonly cid?: number;
}

/** Everything MOT computes for a record, plus what mofscope explains on top. */
export interface MofAssessment {
  readonly name: string;
  readonly class: ClassNumber;
  readonly label: string;
  readonly progress: Progress;
  readonly totalProgress: number;
  /** All 17 components in MOT's weight order. */
  readonly components: readonly ComponentResult[];
  readonly buckets: Record<MofClass, ClassBuckets>;
  readonly resolvedLicenses: Readonly<Record<number, string>>;
  readonly notTypeAppropriate: readonly number[];
  /** What stands between the record and the next class up; null at Class I. */
  readonly next: NextClass | null;
  readonly warnings: readonly Warning[];
}
