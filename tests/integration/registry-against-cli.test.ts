import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimComparison } from "@/lib/claims";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";
import { runCli } from "@/tests/helpers/run-cli";

const record = (file: string) => join(import.meta.dirname, "..", "..", "registry", "mot", "models", file);

let mock: MockUpstream;
let env: Record<string, string>;
let temp: string;

beforeAll(async () => {
  mock = await startMockUpstream();
  temp = mkdtempSync(join(tmpdir(), "mofscope-against-"));
  env = { HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl, MOFSCOPE_DB: join(temp, "cli.sqlite") };
});

afterAll(async () => {
  await mock.close();
});

describe("mofscope audit --against", () => {
  it("prints the comparison table and the disagreements after the audit", async () => {
    const run = await runCli(["audit", "allenai/OLMo-7B", "--against", record("OLMo-7B.yml")], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(OLMo-7B): record gives Class I - Open Science Model, evidence gives Class III - Open Model");
    expect(run.stdout).toMatch(/Datasets\s+included Apache-2\.0\s+included ODC-By-1\.0\s+licence differs/);
    expect(run.stdout).toContain("  - Your MOT record claims Datasets under Apache-2.0; the dataset card `license` of allenai/dolma says ODC-By-1.0");
  });

  it("adds a claims field to the JSON", async () => {
    const run = await runCli(["audit", "--json", "LLM360/Amber", "--against", record("Amber.yml")], env);
    expect(run.code).toBe(0);
    const [entry] = JSON.parse(run.stdout) as { model: { id: string }; claims: ClaimComparison }[];
    expect(entry?.model.id).toBe("LLM360/Amber");
    expect(entry?.claims.classes).toMatchObject({ claimed: 1, found: 0, provisional: true });
    expect(entry?.claims.components).toHaveLength(17);
    expect(entry?.claims.counts.claimed_unknown).toBe(2);
  });

  it("exits 2 when the record cannot be read or parsed, before any request", async () => {
    const before = mock.requests.length;
    const missing = await runCli(["audit", "allenai/OLMo-7B", "--against", join(temp, "nope.yml")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read file (ENOENT)");
    const bad = join(temp, "bad.yml");
    writeFileSync(bad, "framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: 2024-12-15\nrelease: {}\n");
    const invalid = await runCli(["audit", "--json", "allenai/OLMo-7B", "--against", bad], env);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("not a valid MOT record: framework.date, line 4");
    expect(mock.requests.length).toBe(before);
  });

  it("exits 2 when given more than one URL", async () => {
    const run = await runCli(["audit", "allenai/OLMo-7B", "LLM360/Amber", "--against", record("OLMo-7B.yml")], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--against compares one URL with one record");
  });

  it("keeps the audit's own exit codes", async () => {
    const run = await runCli(["audit", "--min-class", "1", "allenai/OLMo-7B", "--against", record("OLMo-7B.yml")], env);
    expect(run.code).toBe(1);
    const unknown = await runCli(["audit", "nobody/nothing-here", "--against", record("OLMo-7B.yml")], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).not.toContain("Claims of");
  });
});
