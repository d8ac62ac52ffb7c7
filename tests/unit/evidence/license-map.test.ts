import { describe, expect, it } from "vitest";
import { ARXIV_DEFAULT_LICENSE, mapArxivLicense, mapGithubLicense, mapHfLicense } from "@/lib/evidence/license-map";

describe("mapHfLicense", () => {
  it.each([
    ["apache-2.0", "Apache-2.0"],
    ["mit", "MIT"],
    ["cc-by-4.0", "CC-BY-4.0"],
    ["odc-by", "ODC-By-1.0"],
    ["gpl-3.0", "GPL-3.0-only"],
    ["llama2", "LicenseRef-hf-llama2"],
    ["bigscience-bloom-rail-1.0", "LicenseRef-hf-bigscience-bloom-rail-1.0"],
  ])("maps %s to %s", (hf, spdx) => {
    expect(mapHfLicense(hf, undefined)[0]?.id).toBe(spdx);
  });

  it("resolves `other` through license_name", () => {
    expect(mapHfLicense("other", "Coqui Public Model License")[0]).toEqual({
      id: "LicenseRef-hf-coqui-public-model-license",
      written: "other (Coqui Public Model License)",
    });
  });

  it("gives no id for `other` without a name, or `unknown`", () => {
    expect(mapHfLicense("other", undefined)[0]?.id).toBeNull();
    expect(mapHfLicense("unknown", undefined)[0]?.id).toBeNull();
  });

  it("maps each licence of a list and ignores what is not a string", () => {
    expect(mapHfLicense(["cc-by-sa-4.0", 3, "mit"], undefined).map((m) => m.id)).toEqual(["CC-BY-SA-4.0", "MIT"]);
    expect(mapHfLicense(undefined, undefined)).toEqual([]);
  });
});

describe("mapGithubLicense", () => {
  it("keeps GitHub's SPDX id", () => {
    expect(mapGithubLicense({ key: "apache-2.0", spdxId: "Apache-2.0", name: "Apache License 2.0" }).id).toBe("Apache-2.0");
  });

  it("gives no id for NOASSERTION or a missing licence file", () => {
    expect(mapGithubLicense({ key: "other", spdxId: "NOASSERTION", name: "Other" }).id).toBeNull();
    expect(mapGithubLicense(null).id).toBeNull();
  });
});

describe("mapArxivLicense", () => {
  it("maps Creative Commons URIs whatever the scheme or trailing slash", () => {
    expect(mapArxivLicense("http://creativecommons.org/licenses/by/4.0/").id).toBe("CC-BY-4.0");
    expect(mapArxivLicense("https://creativecommons.org/licenses/by-sa/4.0").id).toBe("CC-BY-SA-4.0");
  });

  it("reads a missing licence as arXiv's non-exclusive licence", () => {
    expect(mapArxivLicense(null).id).toBe(ARXIV_DEFAULT_LICENSE);
  });
});
