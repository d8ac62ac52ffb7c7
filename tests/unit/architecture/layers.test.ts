import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type IForbiddenRuleType } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs")) as { forbidden: IForbiddenRuleType[]; options: object };

// a small tree with one of each kind of import the rules must refuse, and one they must allow
const tree: Record<string, string> = {
  "lib/mof/engine.ts": 'import { get } from "../fetchers/http";\nexport const x = get;\n',
  "lib/fetchers/http.ts": 'import { rule } from "../evidence/rule";\nexport const get = rule;\n',
  "lib/evidence/rule.ts": 'import { readFileSync } from "node:fs";\nexport const rule = readFileSync;\n',
  "lib/report/render.ts": 'import { get } from "../fetchers/http";\nimport { ok } from "../mof/ok";\nexport const render = [get, ok];\n',
  "lib/mof/ok.ts": "export const ok = 1;\n",
  "lib/audit/a.ts": 'import { b } from "./b";\nexport const a = b;\n',
  "lib/audit/b.ts": 'import { a } from "./a";\nexport const b = a;\n',
  "components/view.ts": 'import { a } from "../lib/audit/a";\nexport const view = a;\n',
};

const dir = mkdtempSync(join(tmpdir(), "mofscope-layers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function violations(): Promise<string[]> {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = await cruise(["lib", "components"], { baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden }, tsPreCompilationDeps: true });
  if (typeof result.output === "string") {
    throw new Error(result.output);
  }
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe("the layer rules in .dependency-cruiser.cjs", () => {
  it("refuse upward and sibling imports, cycles, I/O in pure layers and I/O in components, and allow a downward import", async () => {
    const found = await violations();
    expect(found).toContain("layer-mof: lib/mof/engine.ts → lib/fetchers/http.ts");
    expect(found).toContain("engine-is-pure: lib/mof/engine.ts → lib/fetchers/http.ts");
    expect(found).toContain("layer-report: lib/report/render.ts → lib/fetchers/http.ts");
    expect(found).toContain("pure-layers-no-io: lib/evidence/rule.ts → fs");
    expect(found).toContain("no-cycles: lib/audit/a.ts → lib/audit/b.ts");
    expect(found).toContain("components-no-io: components/view.ts → lib/audit/a.ts");
    expect(found.filter((v) => v.includes("lib/mof/ok.ts"))).toEqual([]);
    expect(found.filter((v) => v.includes("lib/fetchers/http.ts → lib/evidence"))).toEqual([]);
  });
});
