import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assess, parseMofYaml } from "@/lib/mof";

const dir = join(import.meta.dirname, "..", "..", "..", "registry", "mot", "models");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));

// MOT validates every record before import, so each must parse and classify here too
describe("every vendored MOT record", () => {
  it("is all 273 of them", () => {
    expect(files).toHaveLength(273);
  });

  it.each(files)("%s parses and classifies", (file) => {
    const parsed = parseMofYaml(readFileSync(join(dir, file), "utf8"));
    expect(parsed.ok && parsed.record.release.name.length).toBeGreaterThan(0);
    if (parsed.ok) {
      expect(assess(parsed.record).components).toHaveLength(17);
    }
  });
});
