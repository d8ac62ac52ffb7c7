/**
 * The eight releases whose upstream answers the fixtures record (tests/fixtures/releases/expected.json holds their
 * hand-checked verdicts), from the most open to the least linked: the set every audit-wide test and bench runs over.
 */
export const FIXTURE_RELEASES = [
  "moxin-org/moxin-llm-7b",
  "allenai/OLMo-7B",
  "LLM360/Amber",
  "LLM360/CrystalCoder",
  "EleutherAI/pythia-160m",
  "meta-llama/Llama-2-7b-hf",
  "mistralai/Mistral-7B-v0.1",
  "bigscience/bloom",
] as const;
