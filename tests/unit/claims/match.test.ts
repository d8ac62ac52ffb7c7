import { describe, expect, it } from "vitest";
import { arrayLookup, matchKeys, matchRecord } from "@/lib/claims";
import type { Report } from "@/lib/report/schema";

const entries = [
  { name: "OLMo-7B", hfId: "allenai/OLMo-7B", githubRepo: "allenai/OLMo" },
  { name: "OLMo-7B-hf", hfId: "allenai/OLMo-7B-hf", githubRepo: "allenai/OLMo" },
  { name: "Amber", hfId: "LLM360/Amber", githubRepo: "LLM360/amber-train" },
  { name: "Llama-2-7B", hfId: null, githubRepo: null },
];

function report(source: "hf" | "github" | "yaml", id: string, release: Record<string, unknown> = {}): Report {
  return { model: { source, id }, record: { release: { name: id.split("/").at(-1), ...release } } } as unknown as Report;
}

describe("matchRecord", () => {
  const lookup = arrayLookup(entries);

  it("finds the record by Hugging Face id, case-insensitively", async () => {
    expect(await matchRecord(report("hf", "ALLENAI/olmo-7b"), lookup)).toEqual({ record: entries[0], by: "huggingface" });
  });

  it("falls back to the GitHub repository when it names one release", async () => {
    expect(await matchRecord(report("github", "llm360/AMBER-train"), lookup)).toEqual({ record: entries[2], by: "repository" });
  });

  it("takes a shared repository only with a matching name, then tries the name", async () => {
    expect(await matchRecord(report("hf", "someone/OLMo-7B-hf", { repository: "https://github.com/allenai/OLMo" }), lookup)).toEqual({
      record: entries[1],
      by: "repository",
    });
    expect(await matchRecord(report("github", "allenai/OLMo"), lookup)).toBeNull();
  });

  it("matches by release name last", async () => {
    expect(await matchRecord(report("hf", "meta-llama/llama-2-7b"), lookup)).toEqual({ record: entries[3], by: "name" });
    expect(await matchRecord(report("hf", "meta-llama/Llama-2-7b-hf"), lookup)).toBeNull();
  });

  it("reads the keys of a classified YAML record from its own fields", () => {
    const keys = matchKeys(
      report("yaml", "x", {
        name: "Amber",
        huggingface: "https://huggingface.co/LLM360/Amber · Hugging Face",
        repository: "https://github.com/LLM360/amber-train/tree/main",
      }),
    );
    expect(keys).toEqual({ hfId: "LLM360/Amber", githubRepo: "LLM360/amber-train", name: "Amber" });
  });
});
