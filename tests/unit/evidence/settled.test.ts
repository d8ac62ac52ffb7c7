import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildContext } from "@/lib/evidence/context";
import type { ReleaseFacts } from "@/lib/evidence/facts";
import { EVIDENCE_RULES } from "@/lib/evidence/rules";
import { type FactKey, settledVerdicts } from "@/lib/evidence/settled";
import { failed, LONG_CARD, makeFacts, makeModel, makeRepo, ok } from "@/tests/helpers/facts";

const PLACEHOLDERS: Pick<ReleaseFacts, Exclude<FactKey, "model">> = { card: null, refs: null, datasets: [], evalDatasets: [], repos: [], papers: [] };
const KEYS = Object.keys(PLACEHOLDERS) as Exclude<FactKey, "model">[];

const cardArb = fc.oneof(
  fc.constant(null),
  fc.constant(failed("timeout")),
  fc
    .array(
      fc.constantFrom(
        LONG_CARD,
        "# Evaluation\n| ARC | HellaSwag |\n|---|---|\n| 1 | 2 |\n",
        "https://github.com/acme/train ",
        "arXiv:2401.00001 ",
        "## Training data\n",
        "x ".repeat(50),
      ),
      { maxLength: 12 },
    )
    .map((parts) => ok(parts.join(""))),
);
const factsArb = fc.record({
  card: cardArb,
  siblings: fc.subarray(["README.md", "config.json", "model.safetensors", "pytorch_model.bin", "LICENSE", "modeling_tiny.py", "generation_config.json"]),
  license: fc.constantFrom("apache-2.0", "mit", "llama2", "other", undefined),
  repos: fc.array(
    fc.constantFrom(makeRepo("acme/train", ["train.py", "LICENSE"]), makeRepo("acme/eval", ["eval/run.py"], null), {
      ...makeRepo("acme/down", []),
      tree: failed("upstream_error", "github"),
    }),
    { maxLength: 2 },
  ),
});

describe("settled verdicts", () => {
  it("settle a rule only if it read no pending fact, and then exactly as the complete facts decide", () => {
    fc.assert(
      fc.property(factsArb, fc.subarray(KEYS), ({ card, siblings, license, repos }, pendingKeys) => {
        const complete = makeFacts({ model: makeModel({ siblings, cardData: license ? { license } : {} }), card, repos });
        const partial = { ...complete, ...Object.fromEntries(pendingKeys.map((key) => [key, PLACEHOLDERS[key]])) } as ReleaseFacts;
        const settled = settledVerdicts({ facts: partial, pending: new Set(pendingKeys) });
        for (const [cid, verdict] of settled) {
          expect(verdict).toEqual(EVIDENCE_RULES[cid]?.(buildContext(complete)));
        }
        if (pendingKeys.length === 0) {
          expect(settled.size).toBe(17);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("settles what the model info decides at once, and waits for the facts a rule falls back on", () => {
    const onlyModel = (siblings: string[]) => settledVerdicts({ facts: makeFacts({ model: makeModel({ siblings }) }), pending: new Set(KEYS) });
    const custom = onlyModel(["config.json", "model.safetensors", "modeling_tiny.py"]);
    expect([...custom.keys()].sort((a, b) => a - b)).toEqual([9, 10, 17]);
    // with no modelling code of its own and no stock transformers support, the architecture is looked for in the repositories
    expect(onlyModel(["config.json", "model.safetensors"]).has(9)).toBe(false);
  });
});
