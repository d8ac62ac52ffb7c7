import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "@/tests/helpers/run-cli";

const root = join(import.meta.dirname, "..", "..");
// the bundle resolves better-sqlite3 from node_modules, so a test's cache folder lives inside the checkout (git-ignored)
mkdirSync(join(root, ".cache"), { recursive: true });
const made: string[] = [];
const cacheDir = () => {
  const dir = mkdtempSync(join(root, ".cache", "cli-test-"));
  made.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true });
  }
});

// a bundle that is not the CLI, so a run tells whether the launcher used what it found or built anew
const PLANTED = 'export async function main() { process.stdout.write("planted bundle\\n"); return 0; }\n';

describe("the bundled command line", () => {
  it("is built on the first run when missing, then reused", async () => {
    const dir = cacheDir();
    const first = await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("mofscope classify FILE.yml");
    expect(first.stderr).toContain("building the command line (first run)");
    expect(existsSync(join(dir, "mofscope.mjs"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "inputs.json"), "utf8"))).toEqual(expect.arrayContaining(["cli/main.ts", "lib/mof/evaluate.ts", "tsconfig.json"]));

    const second = await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    expect(second.stderr).toBe("");
    expect(second.stdout).toBe(first.stdout);
  });

  it("runs a bundle newer than its sources as it is", async () => {
    const dir = cacheDir();
    await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    writeFileSync(join(dir, "mofscope.mjs"), PLANTED);
    const run = await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    expect(run.stdout).toBe("planted bundle\n");
    expect(run.stderr).toBe("");
  });

  it("rebuilds a bundle older than one of its sources", async () => {
    const dir = cacheDir();
    await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    writeFileSync(join(dir, "mofscope.mjs"), PLANTED);
    // dated just before cli/main.ts was last written: that source is now newer than the bundle
    const source = statSync(join(root, "cli", "main.ts")).mtime;
    utimesSync(join(dir, "mofscope.mjs"), new Date(source.getTime() - 1000), new Date(source.getTime() - 1000));
    const run = await runCli(["classify", "--json", join(root, "tests", "conformance", "mot", "models", "Amber.yml")], { MOFSCOPE_CLI_CACHE: dir });
    expect(run.stderr).toContain("rebuilding the command line (its sources changed)");
    expect(JSON.parse(run.stdout)[0].class).toBe(1);
    expect(readFileSync(join(dir, "mofscope.mjs"), "utf8")).not.toBe(PLANTED);
  });

  it("rebuilds when a file it was built from is gone", async () => {
    const dir = cacheDir();
    await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    writeFileSync(join(dir, "mofscope.mjs"), PLANTED);
    writeFileSync(join(dir, "inputs.json"), JSON.stringify(["cli/main.ts", "cli/no-longer-there.ts"]));
    const run = await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    expect(run.stdout).toContain("mofscope classify FILE.yml");
    expect(run.stderr).toContain("rebuilding");
  });

  it("bundles the engine and the fetchers, leaves better-sqlite3 to node_modules and the web stack out", async () => {
    const dir = cacheDir();
    await runCli(["--help"], { MOFSCOPE_CLI_CACHE: dir });
    const bundle = readFileSync(join(dir, "mofscope.mjs"), "utf8");
    // esbuild heads each bundled module with a comment naming its file
    const modules = [...bundle.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1] ?? "");
    expect(modules).toEqual(expect.arrayContaining(["lib/mof/evaluate.ts", "lib/fetchers/http.ts", "cli/main.ts"]));
    expect(modules.some((m) => m.startsWith("node_modules/zod/"))).toBe(true);
    expect(modules.filter((m) => /^node_modules\/(next|react|react-dom|better-sqlite3|pg)\//.test(m) || /^(app|components)\//.test(m))).toEqual([]);
    // each driver is imported from node_modules when its dialect is opened, never bundled
    expect(bundle).toMatch(/\bimport\("better-sqlite3"\)/);
    expect(bundle).toMatch(/\bimport\("pg"\)/);
  });

  it("exits 70 with the reason when the bundle cannot be built", async () => {
    const dir = cacheDir();
    writeFileSync(join(dir, "a-file"), "");
    const run = await runCli(["--help"], { MOFSCOPE_CLI_CACHE: join(dir, "a-file", "cli") });
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/cannot build the command line .*ENOTDIR/);
    expect(run.stdout).toBe("");
  });
});
