import { describe, expect, it } from "vitest";
import { modelIndexMetrics, tableMetrics } from "@/lib/report/card-metrics";
import { firstParagraph, passageText } from "@/lib/report/card-passage";

describe("card metrics", () => {
  it("takes nothing from a table that compares other models only", () => {
    const table = "| task | Llama 7B | Falcon 7B |\n|---|---|---|\n| arc | 44.5 | 47.5 |\n";
    expect(tableMetrics(table, "OLMo-7B")).toEqual([]);
  });

  it("takes the column that names the model, skipping rows without a number", () => {
    const table = "intro\n\n| | Other | **Amber** |\n|---|---|---|\n| ARC | 1 | 42.5 |\n| note | x | n/a |\n| MMLU | 2 | 30% |\n\nafter";
    expect(tableMetrics(table, "Amber")).toEqual([
      { type: "ARC", value: "42.5", slice: "Amber" },
      { type: "MMLU", value: "30%", slice: "Amber" },
    ]);
  });

  it("reads model-index results defensively", () => {
    expect(modelIndexMetrics([{ results: [{ dataset: { name: "hellaswag" }, metrics: [{ type: "acc", value: 0.7 }, { value: 1 }, null] }] }, "junk"])).toEqual([
      { type: "acc", value: "0.7", slice: "hellaswag" },
    ]);
    expect(modelIndexMetrics(null)).toEqual([]);
  });
});

describe("card passages", () => {
  it("turns Markdown into short plain text, cut at a word", () => {
    expect(passageText("See [the paper](https://x) and <b>this</b>.\n\n| a | b |\n|---|---|\n")).toBe("See the paper and this . a b");
    const long = passageText("word ".repeat(400));
    expect(long?.endsWith("…")).toBe(true);
    expect(long?.length).toBeLessThanOrEqual(1001);
  });

  it("finds the first paragraph of prose, past badges, headings, lists and code", () => {
    const body =
      "# Title\n![badge](x)\n- a list item that is long enough to be a paragraph\n```\ncode block that is long enough too\n```\nThe model is a seven billion parameter language model.\nIt is open.\n\nSecond paragraph.";
    expect(firstParagraph(body)).toBe("The model is a seven billion parameter language model. It is open.");
  });

  it("reads only the start of a hostile, huge passage", () => {
    const text = passageText(`${"<!--".repeat(200_000)}${"![".repeat(200_000)}`);
    expect(text?.startsWith("<!--<!--")).toBe(true);
    expect(text?.length).toBeLessThanOrEqual(1001);
  });
});
