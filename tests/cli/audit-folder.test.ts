import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMofYaml } from "@/lib/mof";
import type { MockUpstream } from "@/tests/helpers/mock-upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { motSchemaErrors } from "@/tests/helpers/mot-schema";
import { folderLikeFixture, makeReleaseFolder } from "@/tests/helpers/release-folder";
import { cliEnv, runCli } from "@/tests/helpers/run-cli";

let mock: MockUpstream;
let env: Record<string, string>;
let amber: string;

beforeAll(async () => {
  mock = await startMockUpstream();
  env = cliEnv(mock);
  amber = folderLikeFixture("LLM360/Amber");
});

afterAll(async () => {
  await mock.close();
});

interface FolderJson {
  input: string;
  model?: { source: string; id: string };
  class?: number;
  provisional?: boolean;
  components?: { name: string; status: string; evidence: { url: string }[] }[];
  onPublish?: { component: string | null; note: string }[];
  error?: { code: string; message: string };
}

// each run starts the CLI afresh (a few seconds on a busy machine); a test makes up to three
describe("mofscope audit FOLDER", { timeout: 60_000 }, () => {
  it("audits a release folder and says what changes once it is published", async () => {
    const run = await runCli(["audit", "--json", "--no-cache", amber], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [entry] = JSON.parse(run.stdout) as FolderJson[];
    expect(entry?.model).toEqual({ source: "local", id: "Amber", revision: null, sha: null });
    expect(entry?.components?.find((c) => c.name === "Model card")?.evidence[0]?.url).toBe("README.md");
    expect(entry?.onPublish?.map((n) => n.component)).toContain("Model parameters (Intermediate)");
  });

  it("offline, passes a plain gate and fails one that must not pass on an unchecked source", async () => {
    const before = mock.requests.length;
    const plain = await runCli(["audit", "--offline", amber], env);
    const strict = await runCli(["audit", "--offline", "--fail-on-unknown", "--format", "markdown", amber], env);
    expect(mock.requests.length).toBe(before);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("PROVISIONAL");
    expect(plain.stdout).toContain("Once published:");
    expect(strict.code).toBe(3);
    expect(strict.stdout).toContain("## MOF openness: Amber");
    expect(strict.stdout).toContain("- Model parameters (Intermediate): a folder has no branches");
  });

  it("writes a MOT record ready to submit with --format mot, for one model at a time", async () => {
    const run = await runCli(["audit", "--offline", "--format", "mot", amber], env);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("# MOT record for Amber")).toBe(true);
    expect(motSchemaErrors(run.stdout)).toEqual([]);
    const parsed = parseMofYaml(run.stdout);
    expect(parsed.ok && parsed.record.release.components.find((c) => c.name === "Model card")).toMatchObject({
      license: "Apache-2.0",
      component_path: "README.md",
    });
    const two = await runCli(["audit", "--format", "mot", amber, amber], env);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--format mot writes one model; give one");
  });

  it("exits 2 with the reason for a hostile folder, and never hangs on it", async () => {
    const outside = makeReleaseFolder({ id_rsa: "secret\n" }, "home");
    const folder = makeReleaseFolder({
      "README.md": "---\nlicense: mit\n---\n# ok\n",
      "model.safetensors": { sparse: 2 * 1024 ** 3 },
      "tokenizer.model": { symlink: join(outside, "id_rsa") },
    });
    const run = await runCli(["audit", folder], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("error (bad_input): tokenizer.model is a symbolic link to");
    expect(run.stdout).not.toContain("secret");
  });

  it("exits 2 for flags it cannot honour, naming the flag", async () => {
    const offlineHub = await runCli(["audit", "--offline", "LLM360/Amber"], env);
    expect(offlineHub.code).toBe(2);
    expect(offlineHub.stderr).toContain("--repo, --paper and --offline apply to a release folder");
    const format = await runCli(["audit", "--format", "pdf", amber], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format takes table, json, cyclonedx, spdx, markdown, yaml, mot, text");
    const repo = await runCli(["audit", "--repo", "https://gitlab.com/acme/code", amber], env);
    expect(repo.code).toBe(2);
    expect(repo.stderr).toContain("--repo takes a GitHub repository");
  });
});

describe("mofscope audit --fail-on-unknown", { timeout: 60_000 }, () => {
  it("fails a gate the class alone passes when a failed source left a component unknown", async () => {
    mock.setFaults([{ path: "/api/datasets/allenai/dolma", status: 503 }]);
    try {
      const plain = await runCli(["audit", "--no-cache", "--min-class", "3", "allenai/OLMo-7B"], env);
      const strict = await runCli(["audit", "--no-cache", "--min-class", "3", "--fail-on-unknown", "allenai/OLMo-7B"], env);
      expect(plain.stdout).toContain("PROVISIONAL");
      expect(plain.code).toBe(0);
      expect(strict.code).toBe(3);
    } finally {
      mock.setFaults([]);
    }
  });
});
