import { type CardSection, cardSections } from "./card-document";
import { hasRealContent } from "./card-text";
import type { ReleaseFacts, SourceFailure } from "./facts";
import { mapHfLicense } from "./license-map";
import { fileLink, sectionLink } from "./links";
import type { HfModel } from "./upstream-facts";
import type { LicensePart } from "./verdict";

/** Values several rules need, derived once from the facts. */
export interface EvidenceContext {
  readonly facts: ReleaseFacts;
  readonly model: HfModel | null;
  /** Card text when it could be read. */
  readonly card: string | null;
  /** Why the card could not be read, when it could not. */
  readonly cardFailure: SourceFailure | null;
  readonly sections: readonly CardSection[];
  /** The model repository's licence as parts (one per listed licence), or one part with no licence. */
  readonly modelLicense: readonly LicensePart[];
  /** Link to a file of the model repository: at the audited commit, or its path in the release folder. */
  fileUrl(path: string): string;
}

function modelLicenseParts(model: HfModel): LicensePart[] {
  const card = model.cardData ?? {};
  const licenseFile = model.siblings.find((s) => /^licen[cs]e(\.md|\.txt)?$/i.test(s));
  const url = fileLink(model, licenseFile ?? "README.md");
  const mapped = mapHfLicense(card.license, card.license_name);
  if (mapped.length === 0) {
    return [{ id: null, written: "no licence in the model card", source: "hf", from: "model card `license`", url }];
  }
  return mapped.map((m) => ({ id: m.id, written: m.written, source: "hf", from: "model card `license`", url }));
}

/** Memoises a derivation, so it runs only if and when a rule asks for it. */
function once<T>(derive: () => T): () => T {
  let kept: { value: T } | undefined;
  return () => {
    kept ??= { value: derive() };
    return kept.value;
  };
}

/**
 * The context is lazy: a field reads the facts it comes from only when a rule uses it, so what a rule read is what
 * it depends on (see `settled.ts`).
 */
export function buildContext(facts: ReleaseFacts): EvidenceContext {
  const text = once(() => (facts.card?.ok ? facts.card.value : null));
  const card = once(() => {
    const value = text();
    return value !== null && hasRealContent(value) ? value : null;
  });
  const sections = once(() => {
    const value = text();
    return value === null ? [] : cardSections(value);
  });
  const modelLicense = once(() => (facts.model ? modelLicenseParts(facts.model) : []));
  return {
    facts,
    get model() {
      return facts.model;
    },
    get card() {
      return card();
    },
    get cardFailure() {
      return facts.card && !facts.card.ok ? facts.card.failure : null;
    },
    get sections() {
      return sections();
    },
    get modelLicense() {
      return modelLicense();
    },
    fileUrl: (path) => (facts.model ? fileLink(facts.model, path) : ""),
  };
}

/** Card sections whose heading matches, with a link to each on the model page (the preamble links the page). */
export function sectionsMatching(ctx: EvidenceContext, heading: RegExp): { section: CardSection; url: string }[] {
  const model = ctx.model;
  return ctx.sections
    .filter((s) => heading.test(s.heading))
    .map((section) => ({ section, url: model ? sectionLink(model, section.slug) : `#${section.slug}` }));
}
