import { describe, expect, it } from "vitest";
import { variantHref } from "@/lib/registry/variant-href";

describe("variantHref", () => {
  it("links a registry record to its /mot page, encoding its name", () => {
    expect(variantHref("mot:Pythia-70M")).toBe("/mot/Pythia-70M");
    expect(variantHref("mot:CodeT5+-16B")).toBe("/mot/CodeT5%2B-16B");
    expect(variantHref("mot:Pile-T5 XXL")).toBe("/mot/Pile-T5%20XXL");
  });

  it("links audited models to their report", () => {
    expect(variantHref("hf:EleutherAI/pythia-160m")).toBe("/models/EleutherAI/pythia-160m");
    expect(variantHref("github:LLM360/amber-train")).toBe("/models/LLM360/amber-train?source=github");
  });

  it("has no page for a classified YAML record or a key it does not know", () => {
    expect(variantHref("yaml:Demo")).toBeNull();
    expect(variantHref("Pythia")).toBeNull();
  });
});
