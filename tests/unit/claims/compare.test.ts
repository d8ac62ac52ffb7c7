import { describe, expect, it } from "vitest";
import { compareClaims } from "@/lib/claims";
import type { ComponentFindings } from "@/lib/evidence/schema";
import type { MofRecord } from "@/lib/mof";
import { reportFromRecord } from "@/lib/report/from-assessment";
import type { Report } from "@/lib/report/schema";

const framework = { name: "Model Openness Framework" as const, version: "1.0", date: "2024-12-15" };

function record(components: { name: string; license?: string; component_path?: string }[], distribution = "Apache-2.0"): MofRecord {
  return { framework, release: { name: "Demo-7B", producer: "demo", license: { distribution: { name: distribution, path: "" } }, components } };
}

/** An audited report whose evidence record lists these components, with findings where given. */
function audit(components: { name: string; license?: string }[], findings: Record<number, Partial<ComponentFindings>> = {}): Report {
  const map = new Map(
    Object.entries(findings).map(([cid, f]) => [Number(cid), { evidence: [], licenses: [], unknownBecause: [], notes: [], nextStep: null, ...f }]),
  );
  return reportFromRecord(record(components), {
    id: "",
    input: "demo/Demo-7B",
    model: { source: "hf", id: "demo/Demo-7B", revision: null, sha: null, url: "https://huggingface.co/demo/Demo-7B" },
    fetchedAt: "2026-11-24T12:00:00Z",
    gated: false,
    failures: [],
    requests: 1,
    findings: map,
  });
}

const github = (repo: string, what: string) => ({ source: "github" as const, url: `https://github.com/${repo}`, what });
const licence = (id: string, from: string, url: string) => ({ id, source: "hf-dataset" as const, from, url, open: true, typeAppropriate: true });

describe("compareClaims", () => {
  it("agrees where both sides list a component under the same licence", () => {
    const c = compareClaims(record([{ name: "Model card" }]), audit([{ name: "Model card" }]));
    expect(c.components.find((x) => x.name === "Model card")?.verdict).toBe("claimed_and_found");
    expect(c.counts).toMatchObject({ claimed_and_found: 1, agree_missing: 16 });
    expect(c.disagreements).toEqual([]);
  });

  it("reports a claimed component the audit did not find, naming the repositories it looked in", () => {
    const report = audit([{ name: "Inference code" }], { 8: { evidence: [github("demo/infer", "inference code in demo/infer")] } });
    const c = compareClaims(record([{ name: "Training code" }, { name: "Inference code" }]), report);
    const training = c.components.find((x) => x.name === "Training code");
    expect(training?.verdict).toBe("claimed_not_found");
    expect(training?.message).toBe(
      "Your MOT record claims Training code under Apache-2.0; we found no training code in the repositories the model card links (github.com/demo/infer).",
    );
  });

  it("says when the model card links no repository at all, and where the record points", () => {
    const c = compareClaims(record([{ name: "Training code", component_path: "https://example.org/train" }]), audit([]));
    expect(c.components.find((x) => x.name === "Training code")?.message).toBe(
      "Your MOT record claims Training code under Apache-2.0; we found no training code: the model card (https://huggingface.co/demo/Demo-7B) links no GitHub repository. Your record points to https://example.org/train; link it from the model card.",
    );
  });

  it("reports a licence that differs, quoting where the other licence was read", () => {
    const dolma = licence("ODC-By-1.0", "dataset card `license`", "https://huggingface.co/datasets/allenai/dolma/blob/main/README.md");
    const report = audit([{ name: "Datasets", license: "ODC-By-1.0" }], {
      15: {
        licenses: [dolma],
        evidence: [{ source: "hf-dataset", url: "https://huggingface.co/datasets/allenai/dolma", what: "training dataset allenai/dolma" }],
      },
    });
    const c = compareClaims(record([{ name: "Datasets", license: "MIT" }]), report);
    const datasets = c.components.find((x) => x.name === "Datasets");
    expect(datasets?.verdict).toBe("license_differs");
    expect(datasets?.differing.map((l) => l.id)).toEqual(["ODC-By-1.0"]);
    expect(datasets?.message).toBe(
      "Your MOT record claims Datasets under MIT; the dataset card `license` of allenai/dolma says ODC-By-1.0 <https://huggingface.co/datasets/allenai/dolma/blob/main/README.md>.",
    );
  });

  it("compares after resolving the record's licence: a component inherits the distribution licence", () => {
    const report = audit([{ name: "Model architecture", license: "MIT" }], {
      9: { licenses: [licence("MIT", "GitHub licence detection", "https://github.com/demo/code#license")] },
    });
    const c = compareClaims(record([{ name: "Model architecture" }], "MIT"), report);
    expect(c.components.find((x) => x.name === "Model architecture")).toMatchObject({
      verdict: "claimed_and_found",
      claimed: { license: "MIT", listed: true },
    });
  });

  it("reports a component found but not claimed, with its evidence", () => {
    const report = audit([{ name: "Evaluation code" }], { 18: { evidence: [github("demo/eval", "evaluation code in demo/eval")] } });
    const c = compareClaims(record([]), report);
    expect(c.components.find((x) => x.name === "Evaluation code")?.message).toBe(
      "Your MOT record does not list Evaluation code; we found evaluation code in demo/eval <https://github.com/demo/eval> under Apache-2.0. Add it to the record.",
    );
  });

  it("keeps claims the audit could not check apart from disagreements", () => {
    const report = audit([], { 21: { unknownBecause: ["arxiv: GET https://export.arxiv.org/oai failed with 500"] } });
    const c = compareClaims(record([{ name: "Research paper", license: "CC-BY-4.0" }]), report);
    expect(c.components.find((x) => x.name === "Research paper")?.verdict).toBe("claimed_unknown");
    expect(c.unchecked).toEqual([
      "Your MOT record claims Research paper under CC-BY-4.0; we could not check it: arxiv: GET https://export.arxiv.org/oai failed with 500.",
    ]);
    expect(c.disagreements.some((d) => d.includes("Research paper"))).toBe(false);
  });

  it("gives the class of each side and says when they differ", () => {
    const six = ["Model architecture", "Model parameters (Final)", "Evaluation results", "Model card", "Data card", "Technical report"].map((name) => ({
      name,
    }));
    const c = compareClaims(record(six), audit(six.slice(0, 5)));
    expect(c.classes).toMatchObject({ claimed: 3, found: 0, provisional: false });
    expect(c.disagreements[0]).toBe("Your MOT record's components give Class III - Open Model; the evidence we found gives Unclassified.");
  });

  it("counts every component once, in MOT's weight order", () => {
    const c = compareClaims(record([{ name: "Datasets" }]), audit([{ name: "Model card" }]));
    expect(c.components).toHaveLength(17);
    expect(Object.values(c.counts).reduce((a, b) => a + b, 0)).toBe(17);
    expect(c.components[0]?.name).toBe("Model architecture");
  });
});
