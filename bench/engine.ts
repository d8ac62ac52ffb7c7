import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { LineCounter, parseDocument } from "yaml";
import type { MofRecord } from "@/lib/mof";
import { assess, mofRecordSchema, parseMofYaml } from "@/lib/mof";
import { manyKeys } from "@/tests/helpers/hostile-yaml";

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

// parseMofYaml's path before it read MOT's block style itself: the library's document (with line counter and its
// quadratic duplicate-key check), toJS and the schema. Kept here only to measure against, in the same run.
function libraryParse(text: string): unknown {
  const doc = parseDocument(text, { customTags: ["timestamp"], uniqueKeys: true, lineCounter: new LineCounter(), prettyErrors: false });
  return mofRecordSchema.safeParse(doc.toJS({ maxAliasCount: 50 }));
}

// the median of `runs` runs, so that one pause of the machine does not stand for the figure; each is one synchronous
// call, as long as the event loop of a server handling that body is held
function medianMs(parse: (text: string) => unknown, text: string, runs = 9): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    parse(text);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return Number((times[Math.floor(runs / 2)] ?? 0).toFixed(1));
}

function msToRefuse(text: string): number {
  if (parseMofYaml(text).ok) {
    throw new Error("a hostile body was accepted");
  }
  return medianMs(parseMofYaml, text);
}

export function benchEngine(): Record<string, string | number> {
  const texts = loadTexts();
  const records = texts.map((t) => parseMofYaml(t)).flatMap((r) => (r.ok ? [r.record] : [])) as MofRecord[];
  const parse = throughput(texts, parseMofYaml);
  const before = throughput(texts, libraryParse);
  const classify = throughput(records, assess);
  return {
    records: records.length,
    "YAML parse + validate (records/s)": Math.round(parse.perSecond),
    "the same through the yaml library, as before (records/s)": Math.round(before.perSecond),
    "parse + validate speed-up (×)": Number((parse.perSecond / before.perSecond).toFixed(1)),
    "refusing a 20,000-key mapping (median ms)": msToRefuse(manyKeys(20_000)),
    "refusing a 66,000-key mapping (median ms)": msToRefuse(manyKeys(66_000)),
    // the dearest body found within the limits: each line is an error of the library's
    "refusing 1,660 lines that are each an error (median ms)": msToRefuse(`x: ${"a\n".repeat(1_660)}`),
    // the quadratic duplicate-key check, at a size the old path still gets through in a bench run
    "a 5,000-key mapping through the yaml library, as before (ms)": medianMs(libraryParse, manyKeys(5_000), 1),
    "classification (records/s)": Math.round(classify.perSecond),
    "classification of 100 records (ms)": Number(((100 / classify.perSecond) * 1000).toFixed(2)),
  };
}
