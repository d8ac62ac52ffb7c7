import { describe, expect, it } from "vitest";
import { isOpenLicense, isTypeAppropriate, LICENSE_CATALOGUE_SOURCE, licenseRecord } from "@/lib/mof";
import { knownLicenseIds } from "@/lib/mof/license-catalogue";
import { suggestLicenseId } from "@/lib/mof/license-suggest";
import { readConformanceJson } from "@/tests/helpers/conformance";

interface MotLicenses {
  open: string[];
  type_appropriate: Record<"code" | "data" | "document", string[]>;
}

const mot = readConformanceJson<MotLicenses>("licenses.json");
const ids = knownLicenseIds();

describe("license catalogue", () => {
  it("holds MOT's 660 licence records plus the non-SPDX open-data id", () => {
    expect(ids).toHaveLength(661);
    expect(ids).toContain("OpenMDW-1.0");
    expect(ids).toContain("ODC-PDDL-1.0");
  });

  it("judges exactly MOT's 226 ids open", () => {
    expect(ids.filter(isOpenLicense).sort()).toEqual([...mot.open].sort());
  });

  it.each(["code", "data", "document"] as const)("gives MOT's type-appropriate list for %s", (type) => {
    expect(ids.filter((id) => isTypeAppropriate(id, type)).sort()).toEqual([...mot.type_appropriate[type]].sort());
  });

  it("keeps MOF's later entry for an id listed twice (CC0-1.0 ends up document only)", () => {
    expect(licenseRecord("CC0-1.0")?.contentTypes).toEqual(["document"]);
    expect(isTypeAppropriate("CC0-1.0", "data")).toBe(false);
  });

  it("matches ids exactly and case-sensitively", () => {
    expect(isOpenLicense("Apache-2.0")).toBe(true);
    expect(isOpenLicense("apache-2.0")).toBe(false);
    expect(isOpenLicense("Apache 2.0")).toBe(false);
    expect(isOpenLicense("PDDL-1.0")).toBe(false);
    expect(isOpenLicense("GPL-2.0")).toBe(true);
  });

  it("states its source and SPDX list version", () => {
    expect(LICENSE_CATALOGUE_SOURCE.spdxListVersion).toBe("d8abdb0");
    expect(LICENSE_CATALOGUE_SOURCE.upstream).toContain("8b5d30e");
  });
});

describe("suggestLicenseId", () => {
  it.each([
    ["apache-2.0", "Apache-2.0"],
    ["Apache 2.0", "Apache-2.0"],
    ["MIT License", "MIT"],
    ["BSD-3", "BSD-3-Clause"],
    ["cc-by-4.0", "CC-BY-4.0"],
    [" MIT", "MIT"],
  ])("maps %j to %j", (written, id) => {
    expect(suggestLicenseId(written)).toBe(id);
  });

  it("suggests nothing for an exact id or an unrelated name", () => {
    expect(suggestLicenseId("MIT")).toBeUndefined();
    expect(suggestLicenseId("Llama 2 Community License")).toBeUndefined();
  });
});
