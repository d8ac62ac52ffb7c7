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

  it("reads MOT records as mot:<name>, names with spaces, plus signs and other scripts included", () => {
    expect(parseCompareParam("mot:Amber,LLM360/Amber,mot:CodeT5+-16B,mot:Pile-T5 XXL,mot:PanGu-α,mot:RWKV-v4-(Raven)").entries).toEqual([
      { kind: "mot", id: "Amber" },
      { kind: "model", id: "LLM360/Amber" },
      { kind: "mot", id: "CodeT5+-16B" },
      { kind: "mot", id: "Pile-T5 XXL" },
      { kind: "mot", id: "PanGu-α" },
      { kind: "mot", id: "RWKV-v4-(Raven)" },
    ]);
  });

  it("drops a MOT name twice in different case, and rejects one with a slash or markup", () => {
    const { entries, rejected } = parseCompareParam("mot:Amber,mot:AMBER,mot:a/b,mot:<b>,mot:");
    expect(entries).toEqual([{ kind: "mot", id: "Amber" }]);
    expect(rejected).toEqual(["mot:a/b", "mot:<b>", "mot:"]);
  });

  it("keeps a MOT record and the audited model of the same name apart", () => {
    expect(parseCompareParam("mot:Amber,LLM360/Amber").entries).toHaveLength(2);
  });

  it("encodes MOT names for the URL so that + survives the query string", () => {
    const { entries } = parseCompareParam("mot:CodeT5+-16B,mot:Pile-T5 XXL,a/b");
    const param = formatCompareParam(entries);
    expect(param).toBe("mot:CodeT5%2B-16B,mot:Pile-T5%20XXL,a/b");
    expect(parseCompareParam(new URLSearchParams(`m=${param}`).get("m") ?? "").entries).toEqual(entries);
  });

  it("parses a typed mot: entry in the picker", () => {
    expect(parseCompareEntry(" mot:OLMo-7B ")).toEqual({ kind: "mot", id: "OLMo-7B" });
  });
});
