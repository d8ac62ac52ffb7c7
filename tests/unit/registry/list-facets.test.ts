import { describe, expect, it } from "vitest";
import type { AuditedRow } from "@/lib/registry/audited-row";
import { facetsWithAudited } from "@/lib/registry/list-facets";

const row = (producer: string, licenses: string[], cls: 0 | 1 | 2 | 3): AuditedRow => ({
  source: "hf",
  id: `${producer}/x`,
  name: "x",
  producer,
  date: "2026-01-01",
  class: cls,
  totalProgress: 0,
  licenses,
  hfId: `${producer}/x`,
  githubRepo: null,
});

describe("facetsWithAudited", () => {
  const registry = {
    classes: [
      { class: 0 as const, count: 5 },
      { class: 1 as const, count: 2 },
    ],
    producers: [
      { producer: "LLM360", count: 3 },
      { producer: "", count: 4 },
      { producer: "EleutherAI", count: 16 },
    ],
    licenses: [{ license: "MIT", count: 9 }],
  };

  it("counts audited models under the registry's spelling of their organisation and adds new ones", () => {
    const merged = facetsWithAudited(registry, [row("llm360", ["Apache-2.0", "MIT"], 3), row("moxin-org", [], 0)]);
    expect(merged.producers).toEqual([
      { producer: "EleutherAI", count: 16 },
      { producer: "LLM360", count: 4 },
      { producer: "moxin-org", count: 1 },
    ]);
    expect(merged.licenses).toEqual([
      { license: "Apache-2.0", count: 1 },
      { license: "MIT", count: 10 },
    ]);
    expect(merged.classes).toEqual([
      { class: 0, count: 6 },
      { class: 1, count: 2 },
      { class: 3, count: 1 },
    ]);
  });

  it("leaves the registry's facets alone, apart from dropping the empty organisation", () => {
    const merged = facetsWithAudited(registry, []);
    expect(merged.producers.map((p) => p.producer)).toEqual(["EleutherAI", "LLM360"]);
    expect(registry.producers).toHaveLength(3);
  });
});
