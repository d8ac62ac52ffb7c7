/** Releases one click away on the home page. */
export const EXAMPLE_MODELS = ["moxin-org/moxin-llm-7b", "allenai/OLMo-7B", "LLM360/Amber", "LLM360/CrystalCoder", "meta-llama/Llama-2-7b-hf"] as const;
