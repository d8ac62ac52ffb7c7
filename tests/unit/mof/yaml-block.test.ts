import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { readBlockYaml } from "@/lib/mof/yaml-block";
import { conformanceRecords } from "@/tests/helpers/conformance";

// the `yaml` library, as parseMofYaml configures it, is the reference the direct reader must match
function library(text: string): { errors: number; value: unknown } {
  const doc = parseDocument(text, { customTags: ["timestamp"], uniqueKeys: true });
  return { errors: doc.errors.length, value: doc.errors.length === 0 ? doc.toJS() : undefined };
}

/** The direct reader either declines (undefined) or gives exactly what the library gives, which then has no errors. */
function agreesWithLibrary(text: string): boolean {
  const read = readBlockYaml(text);
  if (read === undefined) {
    return false;
  }
  const reference = library(text);
  expect(reference.errors, text).toBe(0);
  expect(read, text).toStrictEqual(reference.value);
  return true;
}

const registryDir = join(import.meta.dirname, "..", "..", "..", "registry", "mot", "models");
const records = [
  ...conformanceRecords().map((r) => r.text),
  ...readdirSync(registryDir)
    .filter((f) => f.endsWith(".yml"))
    .map((f) => readFileSync(join(registryDir, f), "utf8")),
];

describe("readBlockYaml", () => {
  it("reads every conformance and vendored MOT record directly, exactly as the library does", () => {
    expect(records.length).toBe(483);
    expect(records.filter(agreesWithLibrary)).toHaveLength(records.length);
  });

  it.each([
    ["an anchor and alias", "a: &x b\nc: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a flow sequence", "a: [b, c]\n"],
    ["a flow mapping", "a: {b: c}\n"],
    ["a block scalar", "a: |\n  text\n"],
    ["a folded block scalar", "a: >\n  text\n"],
    ["an escape in double quotes", 'a: "b\\n"\n'],
    ["a quoted scalar over two lines", "a: 'b\n  c'\n"],
    ["a tab", "a:\tb\n"],
    ["a CRLF line end", "a: b\r\nc: d\r\n"],
    ["a byte order mark", "\uFEFFa: b\n"],
    ["indentation with a no-break space", "a:\n\u00A0 b: c\n"],
    ["a document marker", "---\na: b\n"],
    ["a directive", "%YAML 1.2\n---\na: b\n"],
    ["an unquoted number", "a: 1.0\n"],
    ["an unquoted date", "a: 2025-03-01\n"],
    ["null written out", "a: null\n"],
    ["a boolean key", "true: a\n"],
    ["a duplicate key", "a: b\na: c\n"],
    ["a __proto__ key", "__proto__: a\n"],
    ["a nested mapping on one line", "a: b: c\n"],
    ["a compact nested sequence", "- - a\n"],
    ["a sequence at the root's indent after a scalar", "a: b\n- c\n"],
    ["a continuation after a comment", "a: b # note\n  c\n"],
    ["a continuation after a blank line", "a: b\n\n  c\n"],
    ["a deeper line after a quoted value", "a: 'b'\n  c: d\n"],
    ["a root that is indented", "  a: b\n"],
    ["a key longer than 128 characters", `${"k".repeat(129)}: v\n`],
    ["nesting past the depth limit", `${Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} v\n`],
    ["more lines than the token limit allows", "a: b\n".repeat(700)],
  ])("leaves %s to the library", (_name, text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });

  it("folds a plain scalar over lines and keeps quoted spaces, as the library does", () => {
    const text = "a: one\n  two  \n   three\nb: ' x '\nc: \"it's\"\nd: 'it''s'\ne: {  }\nf: [ ]\ng:\nh: x-y\n";
    expect(agreesWithLibrary(text)).toBe(true);
    expect(readBlockYaml(text)).toEqual({ a: "one two three", b: " x ", c: "it's", d: "it's", e: {}, f: [], g: null, h: "x-y" });
  });
});

// generated block documents, mostly in the subset, with the constructs that must send them to the library mixed in
type Tree = { kind: "scalar"; text: string } | { kind: "map"; entries: [string, Tree][] } | { kind: "seq"; items: Tree[]; compact: boolean };

const scalar = fc.oneof(
  { weight: 24, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._/-]{0,12}$/) },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._/:#'"@-]{0,12}$/) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "1",
      "1.0",
      "0x1F",
      "0o7",
      ".inf",
      "-.5",
      "1e3",
      "~",
      "null",
      "Null",
      "true",
      "False",
      "2024-12-15",
      "7B",
      "1.5T",
      "0BSD",
      "-",
      "-a",
      "?x",
      ":x",
      "yes",
      "on",
      ".nan",
      "+1",
      "a:",
      "a: b",
      "a #b",
      "a#b",
      "x\u00A0",
      "é😀",
      "[]",
      "{ }",
      "[a]",
      "&a x",
      "*a",
      "!t x",
      "|",
      ">",
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }).map((s) => `'${s.replaceAll("'", "''")}'`) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }).map((s) => `"${s}"`) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
);
const key = fc.oneof(
  { weight: 16, arbitrary: fc.stringMatching(/^[A-Za-z_][\w-]{0,6}$/) },
  // a small pool, so that some mappings repeat a key
  { weight: 4, arbitrary: fc.constantFrom("name", "license", "a", "b") },
  { weight: 1, arbitrary: fc.constantFrom("true", "null", "1", "'q'", "<<", "a b", "-a", "constructor") },
);

const tree = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar.map((text): Tree => ({ kind: "scalar", text })),
    fc.array(fc.tuple(key, tie("node")), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ kind: "map", entries })),
    fc
      .record({ items: fc.array(tie("node"), { minLength: 1, maxLength: 4 }), compact: fc.boolean() })
      .map(({ items, compact }): Tree => ({ kind: "seq", items, compact })),
  ),
})).node;

interface Style {
  step: number;
  indentless: boolean;
  fold: boolean;
  comments: boolean;
}

function render(node: Tree, indent: number, style: Style): string[] {
  const pad = " ".repeat(indent);
  if (node.kind === "scalar") {
    const parts = node.text.split(" ");
    // a plain scalar with spaces may be folded onto a deeper line
    return style.fold && parts.length > 1 ? [`${pad}${parts[0]}`, `${pad}${" ".repeat(style.step)}${parts.slice(1).join(" ")}`] : [`${pad}${node.text}`];
  }
  if (node.kind === "map") {
    return node.entries.flatMap(([k, value], i) => {
      const comment = style.comments && i % 2 === 1 ? [`${pad}# note`] : [];
      if (value.kind === "scalar") {
        const [first = "", ...rest] = render(value, indent + style.step, style);
        return [...comment, `${pad}${k}: ${first.trimStart()}${style.comments && i === 0 ? " # why" : ""}`, ...rest];
      }
      const childIndent = value.kind === "seq" && style.indentless ? indent : indent + style.step;
      return [...comment, `${pad}${k}:`, ...render(value, childIndent, style)];
    });
  }
  return node.items.flatMap((item) => {
    if (item.kind === "scalar") {
      const [first = "", ...rest] = render(item, indent + 2, style);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    }
    if (node.compact && item.kind === "map") {
      const [first = "", ...rest] = render(item, indent + 2, style);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    }
    return [`${pad}-`, ...render(item, indent + style.step, style)];
  });
}

const style = fc.record({ step: fc.constantFrom(1, 2, 4), indentless: fc.boolean(), fold: fc.boolean(), comments: fc.boolean() });
const documents = fc
  .tuple(
    fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }).map((entries): Tree => ({ kind: "map", entries })),
    style,
  )
  .map(([root, s]) => `${render(root, 0, s).join("\n")}\n`);

describe("readBlockYaml against the library on generated documents", () => {
  it("gives the library's value whenever it reads a document, and reads many of them", () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(documents, (text) => {
        runs++;
        read += agreesWithLibrary(text) ? 1 : 0;
      }),
      { numRuns: 3_000 },
    );
    expect(read).toBeGreaterThan(runs / 5);
  });

  it("gives the library's value whenever it reads a mutated MOT record", () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 6 }),
      fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(": ", " #", "\n  ", "\n- ", "'", '"', "\t", "\u00A0", "- x", "[]", "&a", "~", "1.0")),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.constantFrom(...records.slice(0, 60)), fc.array(edit, { minLength: 1, maxLength: 3 }), (record, edits) => {
        const text = edits.reduce((out, [at, cut, insert]) => {
          const i = at % (out.length + 1);
          return out.slice(0, i) + insert + out.slice(i + cut);
        }, record);
        read += agreesWithLibrary(text) ? 1 : 0;
      }),
      { numRuns: 3_000 },
    );
    expect(read).toBeGreaterThan(300);
  });
});
