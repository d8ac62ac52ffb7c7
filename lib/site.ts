/** Where the project's README (and its API section) lives; set NEXT_PUBLIC_REPO_URL for a fork. */
export const REPO_URL = process.env.NEXT_PUBLIC_REPO_URL ?? "https://github.com/mofscope/mofscope";

/** Releases one click away on the home page. */
export const EXAMPLE_MODELS = ["moxin-org/moxin-llm-7b", "allenai/OLMo-7B", "LLM360/Amber", "LLM360/CrystalCoder", "meta-llama/Llama-2-7b-hf"] as const;
