import { beforeAll, describe, expect, it } from "vitest";
import { accuracyText, type Comparison, loadCorpus, runCorpus } from "@/tests/helpers/corpus";

let rows: Comparison[] = [];

beforeAll(async () => {
  rows = await runCorpus();
}, 600_000);

describe("the golden corpus of real releases", () => {
  it("holds at least 40 real releases beyond the eight original fixtures, each naming its source", () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(48);
    expect(corpus.every((r) => r.source.trim() !== "" && Object.keys(r.components).length > 0)).toBe(true);
  });

  it("agrees with every golden verdict", () => {
    const disagreements = rows.filter((r) => r.expected !== r.got);
    expect(disagreements, accuracyText(rows)).toEqual([]);
  });
});
