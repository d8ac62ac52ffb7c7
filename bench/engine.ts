import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { MofRecord } from "@/lib/mof";
import { assess, parseMofYaml } from "@/lib/mof";

const ROOT = join(import.meta.dirname, "..", "tests", "conformance", "mot");

function loadTexts(): string[] {
  return ["Test_Data", "models"].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith(".yml"))
      .map((f) => readFileSync(join(ROOT, dir, f), "utf8")),
  );
}

/** Runs `fn` over all items repeatedly for at least `ms` and returns items per second. */
function throughput<T>(items: readonly T[], fn: (item: T) => unknown, ms = 1500): { perSecond: number; rounds: number } {
  for (const item of items) {
    fn(item);
  }
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const item of items) {
      fn(item);
    }
    rounds++;
  }
  return { perSecond: (rounds * items.length) / ((performance.now() - start) / 1000), rounds };
}

export function benchEngine(): Record<string, string | number> {
  const texts = loadTexts();
  const records = texts.map((t) => parseMofYaml(t)).flatMap((r) => (r.ok ? [r.record] : [])) as MofRecord[];
  const parse = throughput(texts, parseMofYaml);
  const classify = throughput(records, assess);
  return {
    records: records.length,
    "YAML parse + validate (records/s)": Math.round(parse.perSecond),
    "classification (records/s)": Math.round(classify.perSecond),
    "classification of 100 records (ms)": Number(((100 / classify.perSecond) * 1000).toFixed(2)),
  };
}
