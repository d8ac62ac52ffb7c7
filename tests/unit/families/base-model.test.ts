import { describe, expect, it } from "vitest";
import { baseModelsOf } from "@/lib/families/base-model";

describe("baseModelsOf", () => {
  it("reads base_model tags with and without a relation", () => {
    const tags = [
      "transformers",
      "base_model:LLM360/Amber",
      "base_model:finetune:LLM360/Amber",
      "base_model:quantized:mistralai/Mistral-7B-v0.1",
      "license:apache-2.0",
    ];
    expect(baseModelsOf({ tags, cardData: null })).toEqual(["LLM360/Amber", "mistralai/Mistral-7B-v0.1"]);
  });

  it("reads cardData.base_model as a string or a list", () => {
    expect(baseModelsOf({ tags: [], cardData: { base_model: "allenai/OLMo-7B" } })).toEqual(["allenai/OLMo-7B"]);
    expect(baseModelsOf({ tags: [], cardData: { base_model: ["a/b", "c/d", 3, "not an id"] } })).toEqual(["a/b", "c/d"]);
  });

  it("merges both sources case-insensitively", () => {
    expect(baseModelsOf({ tags: ["base_model:LLM360/Amber"], cardData: { base_model: "llm360/amber" } })).toEqual(["LLM360/Amber"]);
  });

  it("gives nothing for a base model", () => {
    expect(baseModelsOf({ tags: ["text-generation"], cardData: {} })).toEqual([]);
  });
});
