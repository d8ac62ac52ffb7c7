import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFORMANCE_DIR, conformanceRecords, readConformanceJson } from "@/tests/helpers/conformance";
import { runCli } from "@/tests/helpers/run-cli";

const expected = readConformanceJson<Record<string, { class: number; progress: Record<string, number> }>>("expected.json");
const dir = mkdtempSync(join(tmpdir(), "mofscope-cli-"));
const broken = join(dir, "broken.yml");
writeFileSync(broken, "framework:\n  name: 'Model Openness Framework'\n  version: 1.0\n  date: '2024-12-15'\nrelease: {}\n");

describe("mofscope classify", () => {
  it("prints one JSON entry per file with MOT's class and progress", async () => {
    const files = ["models/Amber.yml", "models/Pythia-6.9B.yml", "Test_Data/MinimalFile_C1_0%-C2_0%-C3_0%_1C_0G_0L_0V_0I_0T.yml"];
    const run = await runCli(["classify", "--json", ...files.map((f) => join(CONFORMANCE_DIR, f))]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { file: string; class: number; progress: Record<string, number>; components: unknown[] }[];
    expect(out.map((e) => e.class)).toEqual(files.map((f) => expected[f]?.class));
    expect(out[0]?.progress).toEqual(expected["models/Amber.yml"]?.progress);
    expect(out.every((e) => e.components.length === 17)).toBe(true);
  });

  it("prints a readable table with the class label", async () => {
    const run = await runCli(["classify", join(CONFORMANCE_DIR, "models/Amber.yml")]);
    expect(run.stdout).toContain("Amber — Class I - Open Science Model");
    expect(run.stdout).toMatch(/Model architecture\s+III\s+included\s+Apache-2.0/);
  });

  it("exits 2 and names the field and line of a malformed record, still classifying the others", async () => {
    const run = await runCli(["classify", "--json", broken, join(CONFORMANCE_DIR, "models/Amber.yml")]);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as { error?: string; class?: number }[];
    expect(out[0]?.error).toContain("framework.version, line 3");
    expect(out[1]?.class).toBe(1);
  });

  it("exits 2 for a file that cannot be read", async () => {
    const run = await runCli(["classify", "--json", join(dir, "absent.yml")]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)[0].error).toContain("ENOENT");
  });

  it("exits 1 when a record is below --min-class", async () => {
    const amber = join(CONFORMANCE_DIR, "models/Amber.yml");
    const minimal = join(CONFORMANCE_DIR, "Test_Data/MinimalFile_C1_0%-C2_0%-C3_0%_1C_0G_0L_0V_0I_0T.yml");
    expect((await runCli(["classify", "--min-class", "1", amber])).code).toBe(0);
    expect((await runCli(["classify", "--min-class", "3", amber, minimal])).code).toBe(1);
    expect((await runCli(["classify", "--min-class", "4", amber])).code).toBe(2);
  });

  it("classifies 100 files in one call", async () => {
    const files = conformanceRecords()
      .slice(0, 100)
      .map((r) => join(CONFORMANCE_DIR, r.path));
    const run = await runCli(["classify", "--json", ...files]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(100);
  });

  it("rejects an unknown command and an unknown flag with exit 2", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    const run = await runCli(["classify", "--wat", "x.yml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--wat");
  });
});
