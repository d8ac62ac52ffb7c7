import { describe, expect, it } from "vitest";
import { buildContext } from "@/lib/evidence/context";
import type { ReleaseFacts } from "@/lib/evidence/facts";
import { nextStepFor } from "@/lib/evidence/next-steps";
import { evaluationResults } from "@/lib/evidence/rules/card";
import { evaluationCode, trainingCode } from "@/lib/evidence/rules/code";
import { trainingDatasets } from "@/lib/evidence/rules/datasets";
import { finalParameters } from "@/lib/evidence/rules/model-files";
import { LONG_CARD, makeFacts, makeModel, makeRepo, ok } from "@/tests/helpers/facts";

const ctx = (facts: Partial<ReleaseFacts>) => buildContext(makeFacts(facts));

describe("next steps a producer can act on", () => {
  it("says where the datasets were looked for and what to add to the front matter", () => {
    const c = ctx({ card: ok(LONG_CARD) });
    expect(nextStepFor(15, "data", trainingDatasets(c), c)).toEqual({
      looked: "`datasets:` in the model card's front matter, the Hub's `dataset:` tags, and Hub dataset links in the card",
      fix: "add `datasets:` to the model card's front matter, naming the training datasets published on the Hub",
    });
  });

  it("names the repositories searched for missing code", () => {
    const c = ctx({ repos: [makeRepo("acme/tiny", ["README.md", "model.py"])] });
    expect(nextStepFor(18, "code", evaluationCode(c), c)).toEqual({
      looked: "the GitHub repositories the model card links: github.com/acme/tiny",
      fix: "publish the evaluation scripts in a public repository and link it from the model card",
    });
    const none = ctx({});
    expect(nextStepFor(7, "code", trainingCode(none), none)?.looked).toBe("the GitHub repositories the model card links (it links none)");
  });

  it("names the repository that has no licence", () => {
    const c = ctx({ repos: [makeRepo("acme/tiny-train", ["train.py"], null)] });
    expect(nextStepFor(7, "code", trainingCode(c), c)?.fix).toBe(
      "the repository github.com/acme/tiny-train has no licence GitHub can detect: add a LICENSE file with an open source licence such as Apache-2.0 or MIT",
    );
  });

  it("names a licence that is not open and what would replace it", () => {
    const c = ctx({ model: makeModel({ cardData: { license: "llama2" }, siblings: ["model.safetensors"] }) });
    expect(nextStepFor(10, "data", finalParameters(c), c)?.fix).toBe(
      "llama2 (the model card) is not an open licence: release it under an open data licence such as CDLA-Permissive-2.0 or CC-BY-4.0",
    );
    const noLicence = ctx({ model: makeModel({ cardData: {}, siblings: ["model.safetensors"] }) });
    expect(nextStepFor(10, "data", finalParameters(noLicence), noLicence)?.fix).toMatch(
      /^the model card states no licence: add `license:` to its front matter/,
    );
  });

  it("says results shown only as an image need a table", () => {
    const c = ctx({ card: ok(`${LONG_CARD}\n## Evaluation\n![scores](scores.png)\n`) });
    expect(nextStepFor(12, "document", evaluationResults(c), c)?.fix).toBe(
      "the results are shown only as an image: add the evaluation results as a table in the model card, or as `model-index` in its front matter",
    );
  });

  it("gives no step for an openly licensed component", () => {
    const c = ctx({ model: makeModel({ siblings: ["model.safetensors"] }) });
    expect(nextStepFor(10, "data", finalParameters(c), c)).toBeNull();
  });
});
