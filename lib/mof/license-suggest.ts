import { knownLicenseIds } from "./license-catalogue";

// spellings seen in MOT records and model cards that no normalisation reaches
const ALIASES: Readonly<Record<string, string>> = {
  bsd3: "BSD-3-Clause",
  bsd2: "BSD-2-Clause",
  mitlicense: "MIT",
  apachelicense20: "Apache-2.0",
  apachelicenseversion20: "Apache-2.0",
  gpl3: "GPL-3.0-only",
  gplv3: "GPL-3.0-only",
  gpl2: "GPL-2.0-only",
  gplv2: "GPL-2.0-only",
  cc0: "CC0-1.0",
  ccby4: "CC-BY-4.0",
  ccbysa4: "CC-BY-SA-4.0",
};

function normalise(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, "");
}

let index: Map<string, string> | undefined;

function byNormalisedId(): Map<string, string> {
  if (index === undefined) {
    index = new Map(Object.entries(ALIASES));
    // prefer the current id over a deprecated twin that normalises the same way
    for (const id of knownLicenseIds().sort((a, b) => b.length - a.length)) {
      index.set(normalise(id), id);
    }
  }
  return index;
}

/** The catalogue id a misspelt licence most likely means (`apache-2.0` → `Apache-2.0`), if any. */
export function suggestLicenseId(written: string): string | undefined {
  const key = normalise(written);
  const exact = byNormalisedId().get(key) ?? byNormalisedId().get(key.replace(/licen[cs]e$/, ""));
  return exact === written ? undefined : exact;
}
