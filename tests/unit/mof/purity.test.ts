import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "..", "..", "..", "lib", "mof");
const sources = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));

describe("lib/mof purity", () => {
  it("imports only zod, yaml and its own files", () => {
    for (const { file, text } of sources) {
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(`${file}: ${spec}`).toMatch(/: (zod|yaml|\.\/.+)$/);
      }
    }
  });

  it("uses no clock, randomness, fetch, console or throw", () => {
    for (const { file, text } of sources) {
      expect(`${file}: ${text}`).not.toMatch(/\b(Date\.now|new Date|Math\.random|fetch\(|console\.|process\.|throw )/);
    }
  });
});
