import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "cli", "mofscope.mjs");
const AMBER = join(ROOT, "tests", "conformance", "mot", "models", "Amber.yml");
const RUNS = 15;

// the launcher before the bundle: tsx transpiled cli/main.ts and everything it imports on every start
const TSX_LAUNCHER = `import { register } from "tsx/esm/api";
register({ tsconfig: ${JSON.stringify(join(ROOT, "tsconfig.json"))} });
const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "cli", "main.ts")).href)});
process.exitCode = await main(["--help"], { stdout: process.stdout, stderr: process.stderr, env: process.env });`;

const CASES = {
  "node -e 0": ["-e", "0"],
  "mofscope --help": [BIN, "--help"],
  "mofscope classify (1 file)": [BIN, "classify", AMBER],
  "tsx launcher --help (before)": ["--input-type=module", "-e", TSX_LAUNCHER],
} as const;

type Case = keyof typeof CASES;

function start(name: Case): number {
  const began = performance.now();
  const run = spawnSync(process.execPath, CASES[name], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`${name} exited ${run.status}: ${run.stderr}`);
  }
  return performance.now() - began;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Start-up time of the CLI as a user runs it, against a bare `node -e 0` and the former tsx launcher, as ratios. */
export function benchCli(): Record<string, string | number> {
  const names = Object.keys(CASES) as Case[];
  // one untimed round: builds the bundle if it is stale and warms the file cache
  names.forEach(start);
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Case, number[]>;
  // rounds interleave the cases, so load from elsewhere on the machine weighs on all of them alike
  for (let round = 0; round < RUNS; round++) {
    for (const name of names) {
      times[name].push(start(name));
    }
  }
  const ms = Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<Case, number>;
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  return {
    runs: RUNS,
    ...Object.fromEntries(names.map((name) => [`${name} (median ms)`, Math.round(ms[name])])),
    "--help ÷ node -e 0 (target ≤ 4)": ratio(ms["mofscope --help"], ms["node -e 0"]),
    "classify ÷ node -e 0": ratio(ms["mofscope classify (1 file)"], ms["node -e 0"]),
    "tsx launcher ÷ node -e 0 (before)": ratio(ms["tsx launcher --help (before)"], ms["node -e 0"]),
    "tsx launcher ÷ bundle (speed-up)": ratio(ms["tsx launcher --help (before)"], ms["mofscope --help"]),
  };
}
