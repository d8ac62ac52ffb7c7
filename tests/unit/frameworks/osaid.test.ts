import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { osaidOf } from "@/lib/frameworks/osaid";
import type { Report, ReportComponent } from "@/lib/report/schema";
import { sampleReport } from "@/tests/unit/report/sample";

// MOT's Amber record: every component included under Apache-2.0 (datasets MIT), Class I
const open = sampleReport();

function patched(report: Report, patches: Record<number, Partial<ReportComponent>>): Report {
  return { ...report, components: report.components.map((c) => ({ ...c, ...(patches[c.cid] ?? {}) })) };
}

const licensed = (id: string): Partial<ReportComponent> => ({
  license: id,
  licenses: [{ id, source: "yaml", from: "record", url: "", open: true, typeAppropriate: true }],
});
const unknown: Partial<ReportComponent> = {
  status: "unknown",
  license: null,
  licenses: [],
  evidence: [],
  unknownBecause: ["hf: GET https://x failed with 503 (upstream error)"],
};
const missing: Partial<ReportComponent> = { status: "missing", license: null, licenses: [], evidence: [] };

const requirement = (report: Report, name: string) => osaidOf(report).requirements.find((r) => r.name === name);

describe("OSAID 1.0 verdict", () => {
  it("meets when every required component is open under the terms its requirement asks for", () => {
    const osaid = osaidOf(open);
    expect(osaid.verdict).toBe("meets");
    expect(osaid.requirements.every((r) => r.status === "meets")).toBe(true);
    expect(osaid.disagreements).toEqual([]);
  });

  it("fails code under an open licence that is not OSI-approved, and says that MOF accepts it", () => {
    const report = patched(open, { 7: licensed("CC-BY-4.0") });
    const training = requirement(report, "Training, validation and testing code");
    expect(training?.status).toBe("fails");
    expect(training?.reason).toContain("Training code: CC-BY-4.0, not an OSI-approved licence");
    expect(osaidOf(report).verdict).toBe("fails");
    expect(osaidOf(report).disagreements.map((d) => d.text)).toContain(
      "Training code (CC-BY-4.0): MOF accepts this open licence, but OSAID asks for code under an OSI-approved licence.",
    );
  });

  it("holds every licence of a component to the test, not only the first", () => {
    const report = patched(open, {
      18: {
        licenses: [
          { id: "Apache-2.0", source: "github", from: "GitHub", url: "", open: true, typeAppropriate: true },
          { id: "CC-BY-SA-4.0", source: "github", from: "GitHub", url: "", open: true, typeAppropriate: false },
        ],
      },
    });
    expect(requirement(report, "Training, validation and testing code")?.reason).toContain("Evaluation code: CC-BY-SA-4.0, not an OSI-approved licence");
  });

  it("takes parameters under OSD-conformant terms that are not software licences, and refuses restricted ones", () => {
    expect(requirement(patched(open, { 10: licensed("CC-BY-4.0") }), "Model parameters")?.status).toBe("meets");
    const restricted = patched(open, { 10: { ...licensed("CC-BY-NC-4.0"), status: "invalid" } });
    expect(requirement(restricted, "Model parameters")?.status).toBe("fails");
    expect(requirement(restricted, "Model parameters")?.reason).toContain("CC-BY-NC-4.0, not terms that conform to the Open Source Definition");
  });

  it("asks for data information, not the data: a data card alone meets it", () => {
    const report = patched(open, { 15: missing, 21: missing, 11: missing });
    expect(requirement(report, "Data information")?.status).toBe("meets");
    expect(osaidOf(report).disagreements.find((d) => d.cid === 15)?.text).toContain("OSAID asks for data information, not for the data itself");
  });

  it("leaves a paper without a data card to judgement, and fails when nothing describes the data", () => {
    const paperOnly = patched(open, { 14: missing, 15: missing });
    expect(requirement(paperOnly, "Data information")).toMatchObject({ status: "unknown", unknownKind: "judgement" });
    const nothing = patched(paperOnly, { 21: { ...licensed("LicenseRef-arXiv-nonexclusive-distrib-1.0"), status: "invalid" }, 11: missing });
    expect(requirement(nothing, "Data information")?.status).toBe("fails");
  });

  it("waits for a failed source before judging a paper", () => {
    const report = patched(open, { 14: unknown, 15: missing });
    expect(requirement(report, "Data information")).toMatchObject({ status: "unknown", unknownKind: "source" });
    expect(requirement(report, "Data information")?.reason).toContain("could not be checked (hf: upstream error)");
  });

  it("leaves supporting libraries that no one named to judgement, which MOF treats as optional", () => {
    const report = patched(open, { 22: missing });
    const osaid = osaidOf(report);
    expect(requirement(report, "Supporting libraries and tools")).toMatchObject({ status: "unknown", unknownKind: "judgement" });
    expect({ verdict: osaid.verdict, unknownKinds: osaid.unknownKinds }).toEqual({ verdict: "unknown", unknownKinds: ["judgement"] });
    expect(osaid.disagreements.find((d) => d.cid === 22)?.text).toContain("optional in MOF");
  });

  it("lets a failure decide the verdict over an open question", () => {
    const report = patched(open, { 16: missing, 7: unknown });
    expect(osaidOf(report).verdict).toBe("fails");
    expect(osaidOf(report).reason).toBe("Not open source AI under OSAID 1.0: data processing code falls short.");
  });

  it("explains a MOF class granted without the code OSAID asks for", () => {
    const report = { ...patched(open, { 7: missing }), class: 3 as const };
    expect(osaidOf(report).disagreements.find((d) => d.cid === 7)?.text).toBe(
      "MOF grants Class III without training code (it asks for it only from Class II); OSAID asks for it.",
    );
  });

  it("links each requirement to the evidence of the components it rests on", () => {
    const report = patched(open, { 9: { evidence: [{ source: "github", url: "https://github.com/o/r/blob/main/model.py", what: "model.py" }] } });
    expect(requirement(report, "Model architecture")?.evidence).toEqual([
      { source: "github", url: "https://github.com/o/r/blob/main/model.py", what: "model.py" },
    ]);
    expect(requirement(report, "Model architecture")?.components).toEqual([{ cid: 9, name: "Model architecture", status: "included", license: "Apache-2.0" }]);
  });
});

describe("a failed source", () => {
  const cids = open.components.map((c) => c.cid);

  it("makes a requirement unknown, never failed (any set of components left unknown)", () => {
    fc.assert(
      fc.property(fc.subarray(cids, { minLength: 1 }), (chosen) => {
        const osaid = osaidOf(patched(open, Object.fromEntries(chosen.map((cid) => [cid, unknown]))));
        expect(osaid.verdict).not.toBe("fails");
        for (const r of osaid.requirements) {
          expect(r.status === "meets" || (r.status === "unknown" && r.unknownKind === "source"), `${r.name}: ${r.reason}`).toBe(true);
        }
        expect(osaid.verdict === "meets" || osaid.unknownKinds.includes("source")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
