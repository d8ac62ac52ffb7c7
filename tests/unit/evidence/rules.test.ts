import { describe, expect, it } from "vitest";
import { buildContext } from "@/lib/evidence/context";
import type { ReleaseFacts } from "@/lib/evidence/facts";
import { dataCard, evaluationResults, modelCard, sampleOutputs } from "@/lib/evidence/rules/card";
import { inferenceCode, supportingLibraries, trainingCode } from "@/lib/evidence/rules/code";
import { evaluationData, trainingDatasets } from "@/lib/evidence/rules/datasets";
import { finalParameters, intermediateParameters, modelArchitecture, modelMetadata } from "@/lib/evidence/rules/model-files";
import { paper } from "@/lib/evidence/rules/papers";
import { recordLicense } from "@/lib/evidence/verdict";
import { failed, LONG_CARD, makeFacts, makeModel, makeRepo, ok } from "@/tests/helpers/facts";

const ctx = (facts: Partial<ReleaseFacts>) => buildContext(makeFacts(facts));
const withCard = (card: string, facts: Partial<ReleaseFacts> = {}) => ctx({ card: ok(card), ...facts });

describe("modelArchitecture", () => {
  it("prefers the repository's own modelling code, licensed as the model", () => {
    const v = modelArchitecture(
      ctx({
        model: makeModel({
          siblings: ["modeling_tiny.py", "config.json"],
          libraryName: "transformers",
          config: { architectures: ["TinyForCausalLM"], modelType: "tiny" },
        }),
      }),
    );
    expect(v.state).toBe("found");
    expect(v.evidence[0]?.what).toContain("modeling_tiny.py");
    expect(recordLicense(v.licenses, "code")).toBe("Apache-2.0");
  });

  it("credits transformers for a stock architecture", () => {
    const v = modelArchitecture(
      ctx({
        model: makeModel({ libraryName: "transformers", config: { architectures: ["LlamaForCausalLM"], modelType: "llama" }, cardData: { license: "llama2" } }),
      }),
    );
    expect(v.licenses.map((l) => l.id)).toEqual(["Apache-2.0"]);
  });

  it("is missing with neither", () => {
    expect(modelArchitecture(ctx({})).state).toBe("missing");
  });
});

describe("finalParameters", () => {
  it("finds weights but not training state or checkpoints in folders", () => {
    const v = finalParameters(ctx({ model: makeModel({ siblings: ["training_args.bin", "checkpoints/step1/model.safetensors", "model.safetensors"] }) }));
    expect(v.evidence[0]?.what).toBe("weights: model.safetensors");
  });

  it("is missing without weight files", () => {
    expect(finalParameters(ctx({ model: makeModel({ siblings: ["README.md", "training_args.bin"] }) })).state).toBe("missing");
  });

  it("carries a non-open card licence, which makes the component invalid in the record", () => {
    const v = finalParameters(ctx({ model: makeModel({ siblings: ["model.safetensors"], cardData: { license: "other", license_name: "llama2" } }) }));
    expect(recordLicense(v.licenses, "data")).toBe("LicenseRef-hf-llama2");
  });
});

describe("intermediateParameters", () => {
  it("counts checkpoint branches", () => {
    const refs = ok({ branches: ["main", "step1000-tokens4B", "step2000-tokens8B"].map((name) => ({ name, targetCommit: "x" })), tags: [] });
    const v = intermediateParameters(ctx({ refs }));
    expect(v.evidence[0]?.what).toContain("2 checkpoint branches");
    expect(v.evidence[0]?.url).toBe("https://huggingface.co/acme/tiny/tree/step1000-tokens4B");
  });

  it("finds checkpoint folders in the repository", () => {
    expect(intermediateParameters(ctx({ model: makeModel({ siblings: ["checkpoints/step-500/model.safetensors"] }) })).state).toBe("found");
  });

  it("is unknown, not missing, when the refs request failed", () => {
    expect(intermediateParameters(ctx({ refs: failed("timeout") })).state).toBe("unknown");
  });

  it("is missing when the only branch is main", () => {
    expect(intermediateParameters(ctx({})).state).toBe("missing");
  });
});

describe("card rules", () => {
  it("accepts a written card and refuses an empty one", () => {
    expect(modelCard(withCard(LONG_CARD)).state).toBe("found");
    expect(modelCard(withCard("---\nlicense: mit\n---\n")).state).toBe("missing");
  });

  it("reads a gated card's metadata and marks what needs its text unknown", () => {
    const gated = ctx({ model: makeModel({ gated: "manual", cardData: { license: "llama2" } }), card: failed("gated") });
    expect(modelCard(gated).evidence[0]?.what).toContain("gated");
    expect(evaluationResults(gated).state).toBe("unknown");
    expect(dataCard(gated).state).toBe("unknown");
  });

  it("finds evaluation results in model-index or in a benchmark table", () => {
    expect(evaluationResults(ctx({ model: makeModel({ modelIndex: [{ name: "x", results: [{}, {}] }] }) })).evidence[0]?.what).toBe("model-index: 2 results");
    const table = `${LONG_CARD}\n## Base model\n| Model | ARC-C | MMLU |\n|---|---|---|\n| tiny | 1 | 2 |\n`;
    expect(evaluationResults(withCard(table)).evidence[0]?.url).toBe("https://huggingface.co/acme/tiny#base-model");
    expect(evaluationResults(withCard(`${LONG_CARD}\n## Results\nplots only\n`)).state).toBe("missing");
  });

  it("finds results in tables the line scanner missed: no outer pipes, HTML, inside <details>, transposed", () => {
    const noPipes = `${LONG_CARD}\n## Benchmarks\n\nLanguage | ROUGE-1\n---------|--------\nArabic | 34.9\n`;
    expect(evaluationResults(withCard(noPipes)).evidence[0]?.url).toBe("https://huggingface.co/acme/tiny#benchmarks");
    const html = `${LONG_CARD}\n## Comparison\n<table><tr><th>Model</th><th>MMLU</th></tr><tr><td>tiny</td><td>50</td></tr></table>\n`;
    expect(evaluationResults(withCard(html)).evidence[0]?.url).toBe("https://huggingface.co/acme/tiny#comparison");
    const details = `${LONG_CARD}\n## Model\n<details>\n<summary>Scores</summary>\n\n| Benchmark | tiny |\n|---|---|\n| GSM8K | 10 |\n\n</details>\n`;
    expect(evaluationResults(withCard(details)).state).toBe("found");
    const setext = `${LONG_CARD}\nEvaluation\n----------\n\n| Model | Score |\n|---|---|\n| tiny | 1 |\n`;
    expect(evaluationResults(withCard(setext)).evidence[0]?.url).toBe("https://huggingface.co/acme/tiny#evaluation");
  });

  it("notes results shown only as an image, and links it, but keeps them missing", () => {
    const verdict = evaluationResults(withCard(`${LONG_CARD}\n## Performance\n![scores](figures/bench.png)\n`));
    expect(verdict.state).toBe("missing");
    expect(verdict.notes).toEqual([
      {
        source: "hf",
        url: "https://huggingface.co/acme/tiny/blob/0123456789abcdef0123456789abcdef01234567/figures/bench.png",
        what: 'results shown as an image only, under "Performance"',
      },
    ]);
  });

  it("finds a training-data section for the data card", () => {
    const card = `${LONG_CARD}\n## Training Data\n${"The corpus mixes web text and code in fixed proportions. ".repeat(3)}\n`;
    expect(dataCard(withCard(card)).evidence[0]?.what).toContain("Training Data");
  });

  it("finds widget examples as sample outputs", () => {
    expect(sampleOutputs(ctx({ model: makeModel({ cardData: { license: "mit", widget: [{ text: "hi" }] } }) })).state).toBe("found");
  });
});

describe("dataset rules", () => {
  const dataset = (id: string, license: unknown) => ({
    id,
    url: `https://huggingface.co/datasets/${id}`,
    info: ok({ id, sha: null, gated: false as const, private: false, tags: [], cardData: { license }, description: null, url: "" }),
    card: ok(LONG_CARD),
  });

  it("includes datasets whose licences are all open; the least open decides", () => {
    const v = trainingDatasets(ctx({ datasets: [dataset("a/one", "odc-by"), dataset("a/two", "cc-by-nc-4.0")] }));
    expect(recordLicense(v.licenses, "data")).toBe("CC-BY-NC-4.0");
  });

  it("reads a dataset that is not on the Hub as unlicensed", () => {
    const gone = { id: "a/gone", url: "", info: failed("not_found"), card: null };
    const v = trainingDatasets(ctx({ datasets: [dataset("a/one", "odc-by"), gone] }));
    expect(recordLicense(v.licenses, "data")).toBe("unlicensed");
  });

  it("is unknown when a dataset failed and the others are open", () => {
    const slow = { id: "a/slow", url: "", info: failed("timeout"), card: null };
    expect(trainingDatasets(ctx({ datasets: [dataset("a/one", "mit"), slow] })).state).toBe("unknown");
  });

  it("takes evaluation data from the model-index datasets", () => {
    expect(evaluationData(ctx({ evalDatasets: [dataset("a/eval", "mit")] })).evidence[0]?.what).toBe("evaluation dataset a/eval");
  });
});

describe("paper", () => {
  const arxiv = (licenseUrl: string | null) => [
    {
      id: "2401.00001",
      url: "https://arxiv.org/abs/2401.00001",
      paper: ok({ id: "2401.00001", title: "Tiny", licenseUrl, url: "https://arxiv.org/abs/2401.00001" }),
    },
  ];

  it("takes the licence from the arXiv record", () => {
    expect(paper(ctx({ papers: arxiv("http://creativecommons.org/licenses/by/4.0/") })).licenses[0]?.id).toBe("CC-BY-4.0");
  });

  it("reads no recorded licence as arXiv's non-exclusive licence, which is not open", () => {
    expect(recordLicense(paper(ctx({ papers: arxiv(null) })).licenses, "document")).toMatch(/^LicenseRef-arXiv/);
  });

  it("is unknown when arXiv fails", () => {
    expect(paper(ctx({ papers: [{ id: "1", url: "", paper: failed("upstream_error", "arxiv") }] })).state).toBe("unknown");
  });
});

describe("code rules", () => {
  it("finds training code by path and takes the repository's licence", () => {
    const v = trainingCode(ctx({ repos: [makeRepo("acme/code", ["src/model.py", "scripts/train.py"])] }));
    expect(v.evidence[0]?.what).toBe("training code in acme/code: scripts/train.py");
    expect(recordLicense(v.licenses, "code")).toBe("MIT");
  });

  it("reads NOASSERTION as unlicensed", () => {
    const v = trainingCode(ctx({ repos: [makeRepo("acme/code", ["train.py"], { key: "other", spdxId: "NOASSERTION", name: "Other" })] }));
    expect(recordLicense(v.licenses, "code")).toBe("unlicensed");
  });

  it("ignores test files", () => {
    expect(trainingCode(ctx({ repos: [makeRepo("acme/code", ["tests/test_train.py"])] })).state).toBe("missing");
  });

  it("is unknown when a linked repository failed and no other holds the code", () => {
    const broken = { ...makeRepo("acme/code", []), tree: failed("rate_limited", "github") };
    expect(trainingCode(ctx({ repos: [broken] })).state).toBe("unknown");
  });

  it("credits transformers for inference of a stock architecture", () => {
    const model = makeModel({ libraryName: "transformers", config: { architectures: ["MistralForCausalLM"], modelType: "mistral" } });
    expect(inferenceCode(ctx({ model })).evidence[0]?.what).toContain("library_name: transformers");
  });

  it("counts installable packages as supporting libraries", () => {
    expect(supportingLibraries(ctx({ repos: [makeRepo("acme/lib", ["pyproject.toml", "acme/__init__.py"])] })).state).toBe("found");
    expect(supportingLibraries(ctx({ repos: [makeRepo("acme/scripts", ["run.sh"])] })).state).toBe("missing");
  });
});

describe("modelMetadata", () => {
  it("finds configuration files", () => {
    expect(modelMetadata(ctx({ model: makeModel({ siblings: ["config.json", "generation_config.json"] }) })).evidence[0]?.what).toBe(
      "configuration: config.json, generation_config.json",
    );
  });
});
