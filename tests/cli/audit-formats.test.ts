import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "@/tests/helpers/bom-schemas";
import type { MockUpstream } from "@/tests/helpers/mock-upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { cliEnv, runCli } from "@/tests/helpers/run-cli";

let mock: MockUpstream;
let env: Record<string, string>;

beforeAll(async () => {
  mock = await startMockUpstream();
  env = cliEnv(mock);
});

afterAll(async () => {
  await mock.close();
});

describe("mofscope audit --format", () => {
  it("writes a CycloneDX 1.6 ML-BOM that the official schema accepts", async () => {
    const run = await runCli(["audit", "--format", "cyclonedx", "allenai/OLMo-7B"], env);
    expect(run.code).toBe(0);
    const bom = JSON.parse(run.stdout) as { specVersion: string; metadata: { component: { name: string } } };
    const validate = cyclonedxValidator();
    expect(validate(bom), schemaErrors(validate)).toBe(true);
    expect(bom.metadata.component.name).toBe("OLMo-7B");
  });

  it("writes an SPDX 3.0.1 document that the official schema accepts", async () => {
    const run = await runCli(["audit", "--format", "spdx", "EleutherAI/pythia-160m"], env);
    expect(run.code).toBe(0);
    const validate = spdxValidator();
    expect(validate(JSON.parse(run.stdout)), schemaErrors(validate)).toBe(true);
  });

  it("writes the report JSON with its OSAID verdict", async () => {
    const json = await runCli(["audit", "--format", "json", "allenai/OLMo-7B"], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ class: 3, osaid: { verdict: "meets" } });
  });

  it("writes Markdown with the OSAID section, and MOT YAML", async () => {
    expect((await runCli(["audit", "--format", "markdown", "allenai/OLMo-7B"], env)).stdout).toContain("### Open Source AI Definition 1.0: **meets**");
    const yaml = (await runCli(["audit", "--format", "yaml", "allenai/OLMo-7B"], env)).stdout;
    expect(yaml).toMatch(/^framework:/);
    expect(yaml).toMatch(/\n {2}name: .?OLMo-7B.?\n/);
  });

  it("keeps the table as the default and --json as it was, both now with the OSAID verdict", async () => {
    const table = await runCli(["audit", "mistralai/Mistral-7B-v0.1"], env);
    expect(table.stdout).toContain("OSAID 1.0: fails. Not open source AI under OSAID 1.0: data information, data processing code,");
    const [entry] = JSON.parse((await runCli(["audit", "--json", "LLM360/Amber"], env)).stdout) as { osaid: { verdict: string; unknownKinds: string[] } }[];
    expect(entry?.osaid).toMatchObject({ verdict: "unknown", unknownKinds: ["judgement"] });
  });

  it("refuses an unknown format, several URLs, or --json beside it (exit 2)", async () => {
    const unknown = await runCli(["audit", "--format", "xml", "allenai/OLMo-7B"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--format takes table, json, cyclonedx, spdx, markdown, yaml");
    expect((await runCli(["audit", "--format", "spdx", "allenai/OLMo-7B", "LLM360/Amber"], env)).code).toBe(2);
    expect((await runCli(["audit", "--format", "spdx", "--json", "allenai/OLMo-7B"], env)).code).toBe(2);
  });

  it("says why there is no file when the audit fails", async () => {
    const run = await runCli(["audit", "--format", "cyclonedx", "nobody/no-such-model"], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error (not_found)");
  });
});
