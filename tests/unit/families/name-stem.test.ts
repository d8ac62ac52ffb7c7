import { describe, expect, it } from "vitest";
import { nameStem } from "@/lib/families/name-stem";

// release names (and producers) as written in registry/mot/models, plus Hub names of the same releases
describe("nameStem", () => {
  it.each([
    ["Pythia-70M", "EleutherAI", "pythia"],
    ["Pythia-1.4B", "EleutherAI", "pythia"],
    ["Pythia-12B", "EleutherAI", "pythia"],
    ["pythia-70m-deduped", "EleutherAI", "pythia"],
    ["Amber", "LLM360", "amber"],
    ["AmberChat", "LLM360", "amber"],
    ["AmberSafe", "LLM360", "amber"],
    ["CrystalCoder", "LLM360", "crystal"],
    ["CrystalChat", "LLM360", "crystal"],
    ["OLMo-7B", "Allen Institute for AI", "olmo"],
    ["OLMo-1B-hf", "Allen Institute for AI", "olmo"],
    ["OLMo-7B-Twin-2T-hf", "Allen Institute for AI", "olmo"],
    ["OLMo-2-1124-7B", "Allen Institute for AI", "olmo-2"],
    ["Mistral-7B-v0.1", "Mistral", "mistral"],
    ["Mistral-7B-Instruct-v0.3", "Mistral", "mistral"],
    ["Mixtral-8x7B-v0.1", "Mistral", "mixtral"],
    ["Mixtral-8x22B-Instruct-v0.1", "Mistral", "mixtral"],
    ["Llama-2-7B", "Meta", "llama-2"],
    ["Llama-2-chat-70B", "Meta", "llama-2"],
    ["Meta-Llama-3-8B-Instruct", "Meta", "llama-3"],
    ["Llama-3-70B", "Meta", "llama-3"],
    ["Llama-3.1-8B-Instruct", "Meta", "llama-3.1"],
    ["Granite-4.0-H-Micro", "IBM", "granite-4.0"],
    ["Granite-4.0-H-Small-Base", "IBM", "granite-4.0"],
    ["Granite-4.0-Tiny-Base-Preview", "IBM", "granite-4.0"],
    ["Granite-3.1-8B-Instruct", "IBM", "granite-3.1"],
    ["Granite-8B-Code-Instruct", "IBM", "granite-code"],
    ["gemma-2b", "Google", "gemma"],
    ["gemma-2-9b-it", "Google", "gemma-2"],
    ["gemma-1.1-7b", "Google", "gemma-1.1"],
    ["OpenELM-1_1B-Instruct", "Apple", "openelm"],
    ["OpenLLaMA-3Bv2", "OpenLM Research", "openllama"],
    ["Qwen1.5-MoE-A2.7B", "Alibaba", "qwen1.5-moe"],
    ["BTLM-3B-8k-base-", "Cerebras", "btlm"],
    ["DeepSeek-MoE-16B-base", "DeepSeek AI", "deepseek-moe"],
    ["Mistral-Large-3-675B-Base-2512", "Mistral", "mistral-3"],
    ["Falcon-180B", "TII", "falcon"],
  ])("%s (%s) → %s", (name, producer, stem) => {
    expect(nameStem(name, producer).key).toBe(stem);
  });

  it("keeps a generation number and a V-numbered generation", () => {
    expect(nameStem("DeepSeek-V3").key).toBe("deepseek-v3");
    expect(nameStem("RWKV-v5").key).toBe("rwkv-v5");
  });

  it("never drops the first token, even when it looks like a variant", () => {
    expect(nameStem("Base").key).toBe("base");
    expect(nameStem("Mistral-7B", "Mistral").key).toBe("mistral");
  });

  it("keeps the tokens as written in the label", () => {
    expect(nameStem("OLMo-7B-hf")).toEqual({ key: "olmo", label: "OLMo" });
  });
});
