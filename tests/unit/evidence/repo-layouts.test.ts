import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContext } from "@/lib/evidence/context";
import { EVIDENCE_RULES } from "@/lib/evidence/rules";
import { makeFacts } from "@/tests/helpers/facts";
import { recordedRepo } from "@/tests/helpers/repo-fixtures";

// the MOF code components a linked repository can hold, by MOT component id
const CODE_COMPONENTS: Record<string, number> = {
  "Training code": 7,
  "Data preprocessing code": 16,
  "Evaluation code": 18,
  "Inference code": 8,
  "Supporting libraries and tools": 22,
};

const golden = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "repos", "expected.json"), "utf8")) as {
  repos: Record<string, Record<string, string>>;
};

describe.each(Object.entries(golden.repos))("code components of %s, from its real tree", (repo, expected) => {
  // the repository alone, as a GitHub-only release: no Hub model to stand in for any code
  const ctx = buildContext(makeFacts({ model: null, repos: [recordedRepo(repo)] }));

  it.each(Object.entries(CODE_COMPONENTS))("%s", (component, cid) => {
    const verdict = EVIDENCE_RULES[cid]?.(ctx);
    expect(verdict?.state === "found" ? "found" : "missing", `${verdict?.evidence[0]?.what ?? "nothing found"} — golden: ${expected.why}`).toBe(
      expected[component],
    );
  });
});

it("covers the twenty repositories the layouts were built from", () => {
  expect(Object.keys(golden.repos)).toHaveLength(20);
});
