import { describe, expect, it } from "vitest";
import { sameLicense } from "@/lib/claims/same-license";

describe("sameLicense", () => {
  it.each([
    ["Apache-2.0", "Apache-2.0"],
    ["apache-2.0", "Apache-2.0"],
    ["Apache 2.0", "Apache-2.0"],
    ["GPL-3.0", "GPL-3.0-only"],
    ["Llama 2 Community License", "LicenseRef-hf-llama2"],
    ["BigScience-BLOOM-RAIL-1.0", "LicenseRef-hf-bigscience-bloom-rail-1.0"],
  ])("treats %s and %s as one licence", (claimed, found) => {
    expect(sameLicense(claimed, found)).toBe(true);
  });

  it.each([
    ["MIT", "ODC-By-1.0"],
    ["unlicensed", "Apache-2.0"],
    ["CC-BY-4.0", "LicenseRef-arXiv-nonexclusive-distrib-1.0"],
    ["Apache-2.0", "LicenseRef-hf-apache"],
    ["MIT", "none (no licence file)"],
  ])("tells %s and %s apart", (claimed, found) => {
    expect(sameLicense(claimed, found)).toBe(false);
  });
});
