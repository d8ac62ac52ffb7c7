import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const CONFORMANCE_DIR = join(import.meta.dirname, "..", "conformance", "mot");

/** Every MOT record in the conformance folder, keyed by its path relative to that folder. */
export function conformanceRecords(): { path: string; text: string }[] {
  return ["Test_Data", "models"].flatMap((dir) =>
    readdirSync(join(CONFORMANCE_DIR, dir))
      .filter((f) => f.endsWith(".yml"))
      .sort()
      .map((f) => {
        const full = join(CONFORMANCE_DIR, dir, f);
        return { path: relative(CONFORMANCE_DIR, full), text: readFileSync(full, "utf8") };
      }),
  );
}

/** Reads a JSON file of the set; MOT's own expected_results.json has trailing commas, which are dropped. */
export function readConformanceJson<T>(name: string): T {
  const text = readFileSync(join(CONFORMANCE_DIR, name), "utf8");
  return JSON.parse(text.replace(/,(\s*[}\]])/g, "$1")) as T;
}
