import { describe, expect, it } from "vitest";
import { evalDatasetIds, linkedDatasetIds, normaliseDatasetId, trainingDatasetIds } from "@/lib/audit/links";
import { makeModel } from "@/tests/helpers/facts";

describe("dataset ids a card names", () => {
  it.each([
    ["squad", "squad"],
    ["allenai/c4", "allenai/c4"],
    ["HuggingFaceFW/fineweb-edu:sample-10BT", "HuggingFaceFW/fineweb-edu"],
    ["glue:mrpc", "glue"],
    ["squad[train]", "squad"],
    ["teknium1/GPTeacher/roleplay-instruct-v2-final", "teknium1/GPTeacher"],
    ["https://huggingface.co/datasets/openwebtext", "openwebtext"],
    [" the_pile ", "the_pile"],
  ])("reads %s as %s", (written, id) => {
    expect(normaliseDatasetId(written)).toBe(id);
  });

  it.each(["Logical Fallacy Dataset", "javascript:alert('x')", "<script>alert(1)</script>", "a/../b", "https://example.org/data", ""])(
    "refuses %s",
    (written) => {
      expect(normaliseDatasetId(written)).toBeNull();
    },
  );

  it("keeps legacy one-segment ids from the card data and the dataset: tags, once each", () => {
    const model = makeModel({ cardData: { datasets: ["bookcorpus", "wikipedia", "glue:sst2"] }, tags: ["dataset:bookcorpus", "dataset:glue"] });
    expect(trainingDatasetIds(model)).toEqual(["bookcorpus", "wikipedia", "glue"]);
  });

  it("follows legacy ids in model-index results", () => {
    const model = makeModel({ modelIndex: [{ name: "x", results: [{ dataset: { type: "openai_humaneval" } }, { dataset: { type: "cais/mmlu" } }] }] });
    expect(evalDatasetIds(model)).toEqual(["openai_humaneval", "cais/mmlu"]);
  });

  it("reads the Hub datasets a card body links, legacy and namespaced, but not their pages' routes", () => {
    const card =
      "---\nlicense: mit\n---\nTrained on [the data](https://huggingface.co/datasets/LLM360/AmberDatasets) and " +
      "<https://huggingface.co/datasets/squad/viewer>, see also https://hf.co/datasets/allenai/dolma/tree/main.";
    expect(linkedDatasetIds(card)).toEqual(["LLM360/AmberDatasets", "squad", "allenai/dolma"]);
  });
});
