import { describe, expect, it } from "vitest";
import { asStatus, oddCells } from "@/components/families/odd-cells";

const v = (key: string, statuses: Record<string, string>) => ({ key, statuses });

describe("oddCells", () => {
  it("marks the variants whose status is not the majority's", () => {
    const variants = [v("a", { Datasets: "included" }), v("b", { Datasets: "included" }), v("c", { Datasets: "missing" })];
    expect([...oddCells(variants, ["Datasets"])]).toEqual(["c\u0000Datasets"]);
  });

  it("marks every cell of a component when no status has a majority", () => {
    const variants = [v("mot:Amber", { Datasets: "included" }), v("hf:LLM360/Amber", { Datasets: "missing" })];
    expect(oddCells(variants, ["Datasets"]).size).toBe(2);
  });

  it("counts a component a variant does not list as missing", () => {
    const variants = [v("a", {}), v("b", { Datasets: "missing" }), v("c", { Datasets: "included" })];
    expect([...oddCells(variants, ["Datasets"])]).toEqual(["c\u0000Datasets"]);
    expect(asStatus("nonsense")).toBe("missing");
  });
});
