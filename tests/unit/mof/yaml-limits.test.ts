import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { parseMofYaml } from "@/lib/mof";
import { conformanceRecords } from "@/tests/helpers/conformance";
import { deepNesting, manyKeys } from "@/tests/helpers/hostile-yaml";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const amber = conformanceRecords().find((r) => r.path === "models/Amber.yml")?.text ?? "";

function messages(text: string): string[] {
  const result = parseMofYaml(text);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe("parseMofYaml bounds", () => {
  it.each([20_000, 66_000])("refuses a mapping of %i keys, naming the token limit", (keys) => {
    expect(messages(manyKeys(keys))).toEqual(["the file has more than 5,000 YAML tokens; a MOT record has under 1,000"]);
  });

  it("refuses a valid record padded with thousands of extra keys instead of classifying it", () => {
    const padded = amber.replace("release:\n", `release:\n${Array.from({ length: 20_000 }, (_, i) => `  x${i}: y\n`).join("")}`);
    expect(padded.length).toBeLessThan(256 * 1024);
    expect(messages(padded)).toEqual(["the file has more than 5,000 YAML tokens; a MOT record has under 1,000"]);
  });

  it.each([
    ["flow sequences", deepNesting(100)],
    ["block sequences", `${"- ".repeat(100)}x\n`],
    ["block mappings", `${Array.from({ length: 100 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} x\n`],
  ])("refuses %s nested 100 deep, naming the depth limit", (_name, text) => {
    expect(messages(text)).toEqual(["the YAML nests deeper than 64 levels; a MOT record nests four"]);
  });

  it("still reads nesting up to the limit (and then validates it)", () => {
    expect(messages(deepNesting(64))).toEqual(["expected object, received array"]);
  });

  it("survives deep nesting in a fresh process, where the library's recursion aborted Node (SIGABRT) on the second document", () => {
    const texts = [`${"[".repeat(4_000)}\n`, deepNesting(4_000), `${"{a: ".repeat(1_000)}\n`];
    const child = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "tests", "helpers", "parse-yaml-child.ts")], {
      cwd: ROOT,
      input: JSON.stringify(texts),
      encoding: "utf8",
    });
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout.trim().split("\n")).toEqual(Array(3).fill(JSON.stringify("the YAML nests deeper than 64 levels; a MOT record nests four")));
  });
});

// the library's own duplicate check, applied the way parseMofYaml reported errors before it bounded the cost
function libraryErrors(text: string) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { customTags: ["timestamp"], uniqueKeys: true, lineCounter: counter, prettyErrors: false });
  return doc.errors.map((e) => ({ path: "", ...((p) => ({ line: p.line, column: p.col }))(counter.linePos(e.pos[0])), message: e.message.split("\n")[0] }));
}

describe("duplicate keys, found in linear time", () => {
  it.each([
    ["block mapping", "a: 1\nb: 2\na: 3\n"],
    ["nested mapping", "release:\n  name: x\n  producer: y\n  name: z\n"],
    ["flow mapping", "{a: 1, b: 2, a: 3}\n"],
    ["quoted and plain key", "'a': 1\na: 2\n"],
    ["equal numbers", "1: a\n0x1: b\n1.0: c\n"],
    ["empty keys", ": a\n: b\n"],
    ["null keys", "~: a\nnull: b\n"],
    ["three times", "a: 1\na: 2\na: 3\n"],
    ["in a sequence of mappings", "- a: 1\n  a: 2\n- a: 3\n"],
    ["beside a syntax error", "a: 1\nb: [\na: 2\n"],
    ["tagged and anchored keys", "!!str a: 1\n&x a: 2\n"],
  ])("reports a duplicate in a %s exactly as the library's uniqueKeys does", (_name, text) => {
    const errors = libraryErrors(text);
    expect(errors.some((e) => e.message === "Map keys must be unique")).toBe(true);
    const result = parseMofYaml(text);
    expect(result.ok ? [] : result.errors).toEqual(errors);
  });

  it.each([
    [".nan twice (NaN is never equal)", ".nan: a\n.nan: b\n"],
    ["same key in two mappings", "a:\n  x: 1\nb:\n  x: 2\n"],
    ["aliases as keys", "k: &k a\n*k : 1\n*k : 2\n"],
  ])("reports no duplicate for %s, as the library does not", (_name, text) => {
    const result = parseMofYaml(text);
    expect(libraryErrors(text).some((e) => e.message === "Map keys must be unique")).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).not.toContain("Map keys must be unique");
  });
});
