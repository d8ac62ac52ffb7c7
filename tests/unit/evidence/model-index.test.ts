import { describe, expect, it } from "vitest";
import { modelIndexDatasets, modelIndexResults } from "@/lib/evidence/model-index";

describe("model-index", () => {
  const index = [{ name: "m", results: [{ dataset: { type: "ai2_arc", name: "ARC" } }, { dataset: { type: "allenai/ai2_arc" } }, null] }];

  it("reads results and their dataset ids", () => {
    expect(modelIndexResults(index)).toHaveLength(2);
    expect(modelIndexDatasets(index)).toEqual(["ai2_arc", "allenai/ai2_arc"]);
  });

  it("accepts the malformed object form some old repos have", () => {
    expect(modelIndexResults({ name: "m", results: [{ dataset: { type: "x/y" } }] })).toHaveLength(1);
  });

  it.each([null, undefined, 42, "x", [undefined], [{ results: "no" }]])("reads %j as no results", (junk) => {
    expect(modelIndexResults(junk)).toEqual([]);
  });
});
