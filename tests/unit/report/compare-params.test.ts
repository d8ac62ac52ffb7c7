import { describe, expect, it } from "vitest";
import { formatCompareParam, parseCompareEntry, parseCompareParam } from "@/lib/report/compare-params";

describe("parseCompareParam", () => {
  it("reads models and snapshot entries in order", () => {
    expect(parseCompareParam("allenai/OLMo-7B, LLM360/Amber,r:AbCdEfGhIj").entries).toEqual([
      { kind: "model", id: "allenai/OLMo-7B" },
      { kind: "model", id: "LLM360/Amber" },
      { kind: "snapshot", id: "AbCdEfGhIj" },
    ]);
  });

  it("drops duplicates case-insensitively and rejects junk", () => {
    const { entries, rejected } = parseCompareParam("a/b,A/B,../etc,r:short,<x>/y");
    expect(entries).toEqual([{ kind: "model", id: "a/b" }]);
    expect(rejected).toEqual(["../etc", "r:short", "<x>/y"]);
  });

  it("keeps at most six", () => {
    const { entries, rejected } = parseCompareParam(["a/1", "a/2", "a/3", "a/4", "a/5", "a/6", "a/7"]);
    expect(entries).toHaveLength(6);
    expect(rejected).toEqual(["a/7"]);
  });

  it("accepts a pasted Hugging Face URL", () => {
    expect(parseCompareEntry("https://huggingface.co/LLM360/Amber/")).toEqual({ kind: "model", id: "LLM360/Amber" });
  });

  it("round-trips through formatCompareParam", () => {
    const { entries } = parseCompareParam("a/b,r:AbCdEfGhIj");
    expect(formatCompareParam(entries)).toBe("a/b,r:AbCdEfGhIj");
  });
});
