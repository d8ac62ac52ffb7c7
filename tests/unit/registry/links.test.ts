import { describe, expect, it } from "vitest";
import { githubRepoOf, hfIdOf } from "@/lib/registry/links";

// values as they appear in registry/mot/models
describe("hfIdOf", () => {
  it.each([
    ["https://huggingface.co/LLM360/Amber", "LLM360/Amber"],
    ["mistralai/Mistral-7B-v0.1", "mistralai/Mistral-7B-v0.1"],
    ["https://huggingface.co/microsoft/phi-1/blob/main/README.md", "microsoft/phi-1"],
    ["https://huggingface.co/stabilityai/stablelm-2-1_6b · Hugging Face", "stabilityai/stablelm-2-1_6b"],
    ["hf.co/allenai/OLMo-7B", "allenai/OLMo-7B"],
  ])("reads %s as %s", (value, id) => {
    expect(hfIdOf(value)).toBe(id);
  });

  it.each([
    ["", "empty"],
    ["Baichuan 2: Open Large-scale Language Models", "prose"],
    ["https://huggingface.co/collections/ibm-granite/granite-41-language-models", "a collection"],
    ["https://github.com/allenai/OLMo", "another host"],
  ])("gives null for %s (%s)", (value) => {
    expect(hfIdOf(value)).toBeNull();
  });

  it("gives null for a value that is not a string", () => {
    expect(hfIdOf(undefined)).toBeNull();
    expect(hfIdOf(42)).toBeNull();
  });
});

describe("githubRepoOf", () => {
  it.each([
    ["https://github.com/LLM360/amber-train", "LLM360/amber-train"],
    ["https://github.com/salesforce/CodeT5/tree/main/CodeT5%2B", "salesforce/CodeT5"],
    ["https://github.com/BlinkDL/RWKV-LM/", "BlinkDL/RWKV-LM"],
    ["https://github.com/wenge-research/YAYI2: YAYI 2 (github.com)", "wenge-research/YAYI2"],
    ["https://github.com/allenai/OLMo.git", "allenai/OLMo"],
  ])("reads %s as %s", (value, repo) => {
    expect(githubRepoOf(value)).toBe(repo);
  });

  it.each([
    ["https://github.com/codefuse-ai"],
    ["https://github.com/pytorch_model-00001-of-00003.bin · Salesforce/xgen-7b-8k-inst"],
    [""],
    ["https://huggingface.co/x/y"],
  ])("gives null for %s", (value) => {
    expect(githubRepoOf(value)).toBeNull();
  });
});
