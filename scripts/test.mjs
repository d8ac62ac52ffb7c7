// npm test: lint (format, rules, layers), type check, a fresh build, unit and integration tests (vitest), browser tests (Playwright), one summary line
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NO_COLOR: "1", NEXT_TELEMETRY_DISABLED: "1", CI: process.env.CI ?? "true" };
const counts = { passed: 0, failed: 0 };
let failedStep = null;

function step(name, command, args) {
  console.log(`\n== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0 && failedStep === null) {
    failedStep = name;
  }
  return result.status === 0;
}

function readCounts(file, pick) {
  if (!existsSync(file)) {
    return false;
  }
  const { passed, failed } = pick(JSON.parse(readFileSync(file, "utf8")));
  counts.passed += passed;
  counts.failed += failed;
  return true;
}

if (!step("chromium", "node", ["scripts/check-chromium.mjs"]) || !step("postgresql", "node", ["scripts/check-postgres.mjs"])) {
  process.exit(1);
}
mkdirSync("test-results", { recursive: true });
rmSync("test-results/vitest.json", { force: true });
rmSync("test-results/playwright.json", { force: true });

step("lint", "npm", ["run", "--silent", "lint"]);
step("typecheck", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]);
// built before vitest: its integration tests of the production server (server.ts) run on this build
const built = step("build", "node_modules/.bin/next", ["build"]);
step("vitest", "node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
readCounts("test-results/vitest.json", (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + r.numFailedTestSuites }));

if (built) {
  step("playwright", "node_modules/.bin/playwright", ["test"]);
  const got = readCounts("test-results/playwright.json", (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));
  if (!got) {
    counts.failed += 1;
  }
}

if (failedStep !== null && counts.failed === 0) {
  counts.failed += 1;
  console.error(`\nstep "${failedStep}" failed`);
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
process.exit(failedStep === null && counts.failed === 0 ? 0 : 1);
