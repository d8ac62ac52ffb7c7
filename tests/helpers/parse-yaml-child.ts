import { readFileSync } from "node:fs";
import { parseMofYaml } from "@/lib/mof";

// child process of tests/unit/mof/yaml-limits.test.ts: parses each text of the JSON array on stdin in a fresh process
// (where the library's regular expressions are not compiled yet) and prints each result's first message
const texts = JSON.parse(readFileSync(0, "utf8")) as string[];
for (const text of texts) {
  const result = parseMofYaml(text);
  console.log(JSON.stringify(result.ok ? "ok" : result.errors[0]?.message));
}
