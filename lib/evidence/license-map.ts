/** Licence ids as Hugging Face, GitHub and arXiv write them, mapped to SPDX (or a LicenseRef when SPDX has none). */

// hub-docs repositories-licenses.md; ids without an SPDX equivalent become LicenseRef-hf-<id> (custom, not open)
const HF_TO_SPDX: Readonly<Record<string, string>> = {
  "apache-2.0": "Apache-2.0",
  mit: "MIT",
  "afl-3.0": "AFL-3.0",
  "artistic-2.0": "Artistic-2.0",
  "bsl-1.0": "BSL-1.0",
  "bsd-2-clause": "BSD-2-Clause",
  "bsd-3-clause": "BSD-3-Clause",
  "bsd-3-clause-clear": "BSD-3-Clause-Clear",
  "c-uda": "C-UDA-1.0",
  "cc0-1.0": "CC0-1.0",
  "cc-by-2.0": "CC-BY-2.0",
  "cc-by-2.5": "CC-BY-2.5",
  "cc-by-3.0": "CC-BY-3.0",
  "cc-by-4.0": "CC-BY-4.0",
  "cc-by-sa-3.0": "CC-BY-SA-3.0",
  "cc-by-sa-4.0": "CC-BY-SA-4.0",
  "cc-by-nc-2.0": "CC-BY-NC-2.0",
  "cc-by-nc-3.0": "CC-BY-NC-3.0",
  "cc-by-nc-4.0": "CC-BY-NC-4.0",
  "cc-by-nd-4.0": "CC-BY-ND-4.0",
  "cc-by-nc-nd-3.0": "CC-BY-NC-ND-3.0",
  "cc-by-nc-nd-4.0": "CC-BY-NC-ND-4.0",
  "cc-by-nc-sa-2.0": "CC-BY-NC-SA-2.0",
  "cc-by-nc-sa-3.0": "CC-BY-NC-SA-3.0",
  "cc-by-nc-sa-4.0": "CC-BY-NC-SA-4.0",
  "cdla-sharing-1.0": "CDLA-Sharing-1.0",
  "cdla-permissive-1.0": "CDLA-Permissive-1.0",
  "cdla-permissive-2.0": "CDLA-Permissive-2.0",
  wtfpl: "WTFPL",
  "ecl-2.0": "ECL-2.0",
  "epl-1.0": "EPL-1.0",
  "epl-2.0": "EPL-2.0",
  "etalab-2.0": "etalab-2.0",
  "eupl-1.1": "EUPL-1.1",
  "eupl-1.2": "EUPL-1.2",
  "agpl-3.0": "AGPL-3.0-only",
  "gpl-2.0": "GPL-2.0-only",
  "gpl-3.0": "GPL-3.0-only",
  "lgpl-2.1": "LGPL-2.1-only",
  "lgpl-3.0": "LGPL-3.0-only",
  "lgpl-lr": "LGPLLR",
  isc: "ISC",
  "lppl-1.3c": "LPPL-1.3c",
  "ms-pl": "MS-PL",
  "mpl-2.0": "MPL-2.0",
  "odc-by": "ODC-By-1.0",
  odbl: "ODbL-1.0",
  pddl: "PDDL-1.0",
  "osl-3.0": "OSL-3.0",
  postgresql: "PostgreSQL",
  "ofl-1.1": "OFL-1.1",
  ncsa: "NCSA",
  unlicense: "Unlicense",
  zlib: "Zlib",
  "openmdw-1.0": "OpenMDW-1.0",
  // the Hub's "GNU Free Documentation License family" has no version; 1.3 is the family's current one and the one
  // MOT lists (Wikipedia-derived datasets carry it beside cc-by-sa-3.0)
  gfdl: "GFDL-1.3",
};

// arxiv-base arxiv/license: URIs normalised to https and a trailing slash
const ARXIV_TO_SPDX: Readonly<Record<string, string>> = {
  "creativecommons.org/licenses/by/4.0/": "CC-BY-4.0",
  "creativecommons.org/licenses/by-sa/4.0/": "CC-BY-SA-4.0",
  "creativecommons.org/licenses/by-nc-sa/4.0/": "CC-BY-NC-SA-4.0",
  "creativecommons.org/licenses/by-nc-nd/4.0/": "CC-BY-NC-ND-4.0",
  "creativecommons.org/publicdomain/zero/1.0/": "CC0-1.0",
  "creativecommons.org/licenses/by/3.0/": "CC-BY-3.0",
  "creativecommons.org/licenses/by-nc-sa/3.0/": "CC-BY-NC-SA-3.0",
  "creativecommons.org/licenses/publicdomain/": "CC-PDDC",
  "arxiv.org/licenses/nonexclusive-distrib/1.0/": "LicenseRef-arXiv-nonexclusive-distrib-1.0",
  "arxiv.org/licenses/assumed-1991-2003/": "LicenseRef-arXiv-assumed-1991-2003",
};

/** arXiv's policy: a record with no licence carries its perpetual non-exclusive licence to distribute (not open). */
export const ARXIV_DEFAULT_LICENSE = "LicenseRef-arXiv-nonexclusive-distrib-1.0";

// GitHub reports some licences with their pre-3.0 SPDX ids; MOT's catalogue still knows those, so they are kept
const GITHUB_NO_LICENSE = new Set(["NOASSERTION", "other", ""]);

export interface MappedLicense {
  /** SPDX id or LicenseRef; null when the source names no determinable licence. */
  readonly id: string | null;
  /** The text as the source wrote it, for the report. */
  readonly written: string;
}

function customRef(prefix: string, name: string): string {
  return `LicenseRef-${prefix}-${name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-|-$/g, "")}`;
}

/** An HF card licence (`license`, with `license_name` when it is `other`) as SPDX. */
export function mapHfLicense(license: unknown, licenseName: unknown): MappedLicense[] {
  const ids = (Array.isArray(license) ? license : [license]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return ids.map((raw) => {
    const id = raw.trim().toLowerCase();
    if (id === "other") {
      const name = typeof licenseName === "string" && licenseName.trim() ? licenseName.trim() : null;
      return { id: name ? customRef("hf", name) : null, written: name ? `other (${name})` : "other" };
    }
    if (id === "unknown") {
      return { id: null, written: raw };
    }
    return { id: HF_TO_SPDX[id] ?? customRef("hf", id), written: raw };
  });
}

/** GitHub's detected licence; NOASSERTION and a missing licence file give no id. */
export function mapGithubLicense(license: { spdxId: string | null; name: string; key: string } | null): MappedLicense {
  if (license === null) {
    return { id: null, written: "no licence file" };
  }
  const spdx = license.spdxId ?? "";
  return GITHUB_NO_LICENSE.has(spdx) ? { id: null, written: `${license.name} (not recognised by GitHub)` } : { id: spdx, written: license.name };
}

/** The licence URI of an arXiv record; none means arXiv's default non-exclusive licence. */
export function mapArxivLicense(uri: string | null): MappedLicense {
  if (uri === null) {
    return { id: ARXIV_DEFAULT_LICENSE, written: "no licence recorded (arXiv non-exclusive licence)" };
  }
  const key = uri
    .trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/?$/, "/");
  return { id: ARXIV_TO_SPDX[key] ?? customRef("arxiv", key), written: uri };
}
