import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEvidence } from "@/lib/evidence";
import { assess, parseMofYaml, toMofYaml } from "@/lib/mof";
import { makeFacts, makeModel, makeRepo, ok } from "@/tests/helpers/facts";

const identity = { name: "tiny", producer: "acme", date: null, huggingface: null, repository: null };
const cardArb = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc
    .array(
      fc.constantFrom(
        "# Eval\n",
        "| ARC | x |\n|---|---|\n| 1 | 2 |\n",
        "https://github.com/a/b ",
        "arXiv:2401.00001 ",
        "```\n# x\n```\n",
        "## Training data\n",
        "<table>",
        "---\nlicense: mit\n---\n",
        "x ".repeat(50),
      ),
      { maxLength: 40 },
    )
    .map((p) => p.join("")),
);
const cardDataArb = fc.dictionary(fc.constantFrom("license", "license_name", "datasets", "widget", "model-index", "base_model"), fc.anything(), { maxKeys: 6 });

describe("evidence rules on arbitrary metadata", () => {
  it("never throw, and always produce a record the engine and MOT YAML accept", () => {
    fc.assert(
      fc.property(cardArb, cardDataArb, fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }), (card, cardData, siblings) => {
        const facts = makeFacts({
          model: makeModel({ cardData, siblings, modelIndex: cardData["model-index"] }),
          card: ok(card),
          repos: [makeRepo("a/b", siblings)],
        });
        const evidence = buildEvidence(facts, identity);
        expect(assess(evidence.record).components).toHaveLength(17);
        if (evidence.record.release.components.length > 0) {
          expect(parseMofYaml(toMofYaml(evidence.record)).ok).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
