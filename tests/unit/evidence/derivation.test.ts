import { describe, expect, it } from "vitest";
import { adapterBase, derivationOf } from "@/lib/evidence/derivation";
import { makeModel } from "@/tests/helpers/facts";

// front matter and files as real derivative repositories carry them (SOURCES.md, "Derivatives")
describe("derivationOf", () => {
  it("reads a GGUF quantisation from base_model and the Hub's base_model:quantized tag", () => {
    const model = makeModel({
      cardData: { base_model: "mistralai/Mistral-7B-v0.1", quantized_by: "TheBloke", license: "apache-2.0" },
      tags: ["gguf", "base_model:mistralai/Mistral-7B-v0.1", "base_model:quantized:mistralai/Mistral-7B-v0.1"],
      siblings: ["README.md", "config.json", "mistral-7b-v0.1.Q4_K_M.gguf"],
    });
    expect(derivationOf(model, null)).toEqual({ kind: "quantized", bases: ["mistralai/Mistral-7B-v0.1"], from: "model card `base_model`" });
  });

  it("tells GPTQ, AWQ and MLX copies by their files, tags or library when no relation is given", () => {
    const gptq = makeModel({ cardData: { base_model: "meta-llama/Llama-2-7b-hf" }, siblings: ["model.safetensors", "quantize_config.json"] });
    expect(derivationOf(gptq, null)?.kind).toBe("quantized");
    const awq = makeModel({ cardData: { base_model: "Qwen/Qwen2.5-7B-Instruct" }, tags: ["awq"] });
    expect(derivationOf(awq, null)?.kind).toBe("quantized");
    const mlx = makeModel({ cardData: { base_model: "mistralai/Mistral-7B-v0.1" }, libraryName: "mlx" });
    expect(derivationOf(mlx, null)?.kind).toBe("quantized");
  });

  it("reads an adapter's base from adapter_config.json when the card names none", () => {
    const model = makeModel({ cardData: { license: "mit" }, siblings: ["README.md", "adapter_config.json", "adapter_model.safetensors"] });
    const config = '{"base_model_name_or_path": "meta-llama/Llama-2-7b-chat-hf", "peft_type": "LORA", "r": 8}';
    expect(adapterBase(config)).toBe("meta-llama/Llama-2-7b-chat-hf");
    expect(derivationOf(model, config)).toEqual({ kind: "adapter", bases: ["meta-llama/Llama-2-7b-chat-hf"], from: "adapter_config.json" });
    expect(adapterBase("{not json")).toBeNull();
    expect(adapterBase('{"base_model_name_or_path": "/home/me/llama"}')).toBeNull();
  });

  it("reads a merge from several bases or the merge tags, and a fine-tune otherwise", () => {
    const merge = makeModel({ cardData: { base_model: ["xDAN-AI/xDAN-L1-Chat-RL-v1", "chargoddard/loyal-piano-m7-cdpo"] }, tags: ["mergekit", "merge"] });
    expect(derivationOf(merge, null)?.kind).toBe("merge");
    const tune = makeModel({ cardData: { base_model: "mistralai/Mistral-7B-v0.1", datasets: ["HuggingFaceH4/ultrachat_200k"] } });
    expect(derivationOf(tune, null)?.kind).toBe("finetune");
    expect(derivationOf(makeModel({ cardData: { base_model_relation: "adapter", base_model: "a/b" } }), null)?.kind).toBe("adapter");
  });

  it("is null for a repository that names no base", () => {
    expect(derivationOf(makeModel(), null)).toBeNull();
    expect(derivationOf(makeModel({ cardData: { base_model: "<script>" } }), null)).toBeNull();
  });
});
