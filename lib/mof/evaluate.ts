import type { ComponentSpec, MofClass } from "./components";
import { CLASS_LABELS, CLASSES, COMPONENTS, COMPONENTS_BY_WEIGHT, classComponents, componentByName } from "./components";
import { recordWarnings } from "./findings";
import { isOpenLicense, isTypeAppropriate } from "./license-catalogue";
import type { MofComponentEntry, MofRecord } from "./record";
import type { ResolvedLicense } from "./resolve";
import { resolveLicense, UNLICENSED } from "./resolve";
import type { ClassBuckets, ClassNumber, ComponentResult, ComponentStatus, MissingItem, MofAssessment, Progress } from "./types";

// MOT turns an unmatched name into array index 0: the first component in config order (Datasets)
const UNMATCHED_NAME_TARGET = COMPONENTS[0] as ComponentSpec;

interface Listed {
  readonly entry: MofComponentEntry;
  readonly index: number;
  readonly resolved: ResolvedLicense;
  readonly open: boolean;
}

/** Which component a record entry counts as, with MOT's fallback for unmatched names. */
export function entryComponent(entry: MofComponentEntry): ComponentSpec {
  return (entry.name === undefined ? undefined : componentByName(entry.name)) ?? UNMATCHED_NAME_TARGET;
}

function listComponents(record: MofRecord): Map<number, Listed> {
  const listed = new Map<number, Listed>();
  record.release.components.forEach((entry, index) => {
    const spec = entryComponent(entry);
    const resolved = resolveLicense(spec, entry, record.release.license);
    // a later entry for the same component replaces an earlier one, as in MOT
    listed.set(spec.cid, { entry, index, resolved, open: isOpenLicense(resolved.license) });
  });
  return listed;
}

function statusOf(spec: ComponentSpec, item: Listed | undefined): ComponentStatus {
  if (item === undefined) {
    return "missing";
  }
  if (item.open) {
    return spec.required ? "included" : "optional";
  }
  return item.resolved.license === UNLICENSED ? "unlicensed" : "invalid";
}

function emptyBuckets(): ClassBuckets {
  return { included: [], missing: [], invalid: [], unlicensed: [], optional: [] };
}

function fillBuckets(cls: MofClass, listed: Map<number, Listed>): ClassBuckets {
  const buckets = emptyBuckets();
  for (const spec of [...classComponents(cls, true), ...classComponents(cls, false)]) {
    const item = listed.get(spec.cid);
    // optional components that are not listed are simply ignored
    if (item !== undefined || spec.required) {
      buckets[statusOf(spec, item)].push(spec.cid);
    }
  }
  return buckets;
}

// MOT §6.3: a component not included whose substitute is listed gives up its slot at the classes both share
function applySubstitutions(all: Record<MofClass, ClassBuckets>, listed: Map<number, Listed>): Map<number, number> {
  const substituted = new Map<number, number>();
  for (const spec of COMPONENTS) {
    if (spec.substitute === undefined || all[3].included.includes(spec.cid) || !listed.has(spec.substitute)) {
      continue;
    }
    const stand = COMPONENTS.find((c) => c.cid === spec.substitute) as ComponentSpec;
    const standStatus = statusOf(stand, listed.get(stand.cid));
    substituted.set(spec.cid, stand.cid);
    for (const cls of CLASSES) {
      all[cls] = { ...all[cls], missing: all[cls].missing.filter((cid) => cid !== spec.cid) };
      if (cls > stand.class) {
        all[cls][standStatus].push(stand.cid);
      }
    }
  }
  return substituted;
}

// MOT notes a warning the first time it evaluates a component: classes III, II, I, required before optional
const EVALUATION_ORDER: readonly number[] = [
  ...new Set(CLASSES.flatMap((cls) => [...classComponents(cls, true), ...classComponents(cls, false)]).map((s) => s.cid)),
];

function percent(included: number, total: number): number {
  return Math.min((included / total) * 100, 100);
}

function computeProgress(all: Record<MofClass, ClassBuckets>, substituted: Map<number, number>): Progress {
  const count = (cls: MofClass) => all[cls].included.length;
  const size = (cls: MofClass) => classComponents(cls, true).length;
  // the paper counts once at Class I, so the report's slot drops out of the denominator when it stood in
  const class1Total = size(1) - [...substituted.values()].filter((cid) => all[1].included.includes(cid)).length;
  const p3 = percent(count(3), size(3));
  const p2 = count(3) < size(3) ? 0 : percent(count(2), size(2));
  const p1 = count(3) < size(3) || count(2) < size(2) ? 0 : percent(count(1), class1Total);
  return { 1: p1, 2: p2, 3: p3 };
}

function classify(progress: Progress): ClassNumber {
  return ([1, 2, 3] as const).find((cls) => progress[cls] === 100) ?? 0;
}

function nextClass(cls: ClassNumber, components: readonly ComponentResult[]): MofAssessment["next"] {
  if (cls === 1) {
    return null;
  }
  const target = (cls === 0 ? 3 : cls - 1) as MofClass;
  const items: MissingItem[] = components
    .filter((c) => c.required && c.class >= target && c.substitutedBy === null && c.status !== "included")
    .map((c) => ({ cid: c.cid, name: c.name, status: c.status as MissingItem["status"], license: c.license }));
  return { class: target, items };
}

/** Classifies a MOF release record exactly as MOT's ModelEvaluator does; total on any valid record. */
export function assess(record: MofRecord): MofAssessment {
  const listed = listComponents(record);
  const buckets = { 3: fillBuckets(3, listed), 2: fillBuckets(2, listed), 1: fillBuckets(1, listed) };
  const substituted = applySubstitutions(buckets, listed);
  const progress = computeProgress(buckets, substituted);
  const cls = classify(progress);

  const components: ComponentResult[] = COMPONENTS_BY_WEIGHT.map((spec) => {
    const item = listed.get(spec.cid);
    return {
      cid: spec.cid,
      name: spec.name,
      type: spec.type,
      class: spec.class,
      required: spec.required,
      status: statusOf(spec, item),
      license: item?.resolved.license ?? null,
      licenseSource: item?.resolved.source ?? null,
      open: item?.open ?? false,
      typeAppropriate: item === undefined || !item.open || isTypeAppropriate(item.resolved.license, spec.type),
      substitutedBy: substituted.get(spec.cid) ?? null,
      entryIndex: item?.index ?? null,
    };
  });

  const resolvedLicenses: Record<number, string> = {};
  for (const [cid, item] of listed) {
    resolvedLicenses[cid] = item.resolved.license;
  }
  const illSuited = new Set(components.filter((c) => !c.typeAppropriate).map((c) => c.cid));
  const notTypeAppropriate = EVALUATION_ORDER.filter((cid) => illSuited.has(cid));

  return {
    name: record.release.name,
    class: cls,
    label: CLASS_LABELS[cls],
    progress,
    totalProgress: (progress[1] + progress[2] + progress[3]) / 3,
    components,
    buckets,
    resolvedLicenses,
    notTypeAppropriate,
    next: nextClass(cls, components),
    warnings: recordWarnings(record, components, listed),
  };
}
