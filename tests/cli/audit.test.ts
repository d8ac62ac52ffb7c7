import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MockUpstream } from "@/tests/helpers/mock-upstream";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { cliEnv, runCli } from "@/tests/helpers/run-cli";

let mock: MockUpstream;
let env: Record<string, string>;

beforeAll(async () => {
  mock = await startMockUpstream();
  env = cliEnv(mock);
});

beforeEach(() => {
  mock.setFaults([]);
});

afterAll(async () => {
  await mock.close();
});

interface AuditJson {
  input: string;
  model?: { source: string; id: string; revision: string | null };
  class?: number;
  provisional?: boolean;
  components?: { name: string; status: string; license: string | null; evidence: { url: string }[] }[];
  requests?: number;
  error?: { code: string; message: string };
}

describe("mofscope audit", () => {
  it("prints the JSON report of each URL", async () => {
    const run = await runCli(["audit", "--json", "--no-cache", "https://huggingface.co/allenai/OLMo-7B/tree/main", "LLM360/Amber"], env);
    expect(run.code).toBe(0);
    const [olmo, amber] = JSON.parse(run.stdout) as AuditJson[];
    expect(olmo?.model).toMatchObject({ source: "hf", id: "allenai/OLMo-7B", revision: "main" });
    expect(olmo?.class).toBe(3);
    expect(amber?.provisional).toBe(true);
    expect(amber?.components?.find((c) => c.name === "Research paper")?.status).toBe("unknown");
    expect(olmo?.requests).toBeGreaterThan(0);
  });

  it("prints the next steps for the next class under the table, as concrete as the audit can say", async () => {
    const run = await runCli(["audit", "--no-cache", "Qwen/Qwen2.5-7B-Instruct"], env);
    expect(run.stdout).toContain(
      "  - Evaluation results (missing): add the evaluation results as a table in the model card, or as `model-index` in its front matter",
    );
    expect(run.stdout).toMatch(/Evaluation code +unlicensed +unlicensed +fix: the repository github\.com\/QwenLM\/Qwen2\.5 has no licence/);
  });

  it("serves a second run from the cache and fetches again with --no-cache", async () => {
    await runCli(["audit", "--json", "mistralai/Mistral-7B-v0.1"], env);
    const cached = JSON.parse((await runCli(["audit", "--json", "mistralai/Mistral-7B-v0.1"], env)).stdout) as AuditJson[];
    const fresh = JSON.parse((await runCli(["audit", "--json", "--no-cache", "mistralai/Mistral-7B-v0.1"], env)).stdout) as AuditJson[];
    expect(cached[0]?.requests).toBe(0);
    expect(fresh[0]?.requests).toBe(4);
  });

  it("exits 1 below --min-class", async () => {
    const run = await runCli(["audit", "--min-class", "2", "allenai/OLMo-7B"], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Class III - Open Model");
  });

  it("gates on the OSAID 1.0 verdict with --framework osaid: only a release that meets it passes", async () => {
    // the hand-reasoned verdicts of tests/fixtures/releases/osaid-expected.json: meets, fails, a reviewer's judgement
    const meets = await runCli(["audit", "--framework", "osaid", "allenai/OLMo-7B"], env);
    const fails = await runCli(["audit", "--framework", "osaid", "meta-llama/Llama-2-7b-hf"], env);
    const judgement = await runCli(["audit", "--framework", "osaid", "LLM360/Amber"], env);
    expect([meets.code, fails.code, judgement.code]).toEqual([0, 1, 1]);
    // without the flag the same releases pass: MOF has no minimum class here
    expect((await runCli(["audit", "meta-llama/Llama-2-7b-hf"], env)).code).toBe(0);
    // both gates at once: OLMo meets OSAID but is below Class II
    expect((await runCli(["audit", "--framework", "osaid", "--min-class", "2", "allenai/OLMo-7B"], env)).code).toBe(1);
  });

  it("exits 3 with --framework osaid when a failed source leaves the OSAID verdict open", async () => {
    // GitHub down: the code requirements cannot be checked
    mock.setFaults([{ path: "/github/", status: 503 }]);
    const run = await runCli(["audit", "--json", "--no-cache", "--framework", "osaid", "allenai/OLMo-7B"], env);
    expect((JSON.parse(run.stdout) as { osaid: { verdict: string; unknownKinds: string[] } }[])[0]?.osaid).toMatchObject({
      verdict: "unknown",
      unknownKinds: ["source"],
    });
    expect(run.code).toBe(3);
  });

  it("exits 2 for a framework it cannot judge, naming the ones it can", async () => {
    const run = await runCli(["audit", "--framework", "fsf", "allenai/OLMo-7B"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--framework takes mof or osaid, not "fsf"');
  });

  it("exits 2 for a URL it refuses, naming what is expected", async () => {
    const run = await runCli(["audit", "--json", "https://example.com/acme/model"], env);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as AuditJson[])[0]?.error?.message).toContain("huggingface.co");
  });

  it("exits 2 for a model that does not exist", async () => {
    const run = await runCli(["audit", "--json", "acme/does-not-exist"], env);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as AuditJson[])[0]?.error?.code).toBe("not_found");
  });

  it("exits 3 when the upstream fails before any result", async () => {
    mock.setFaults([{ path: "/api/models/bigscience/bloom", status: 502 }]);
    const run = await runCli(["audit", "--no-cache", "bigscience/bloom"], env);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("upstream_error");
  });

  it("never prints a token", async () => {
    const run = await runCli(["audit", "--json", "--no-cache", "allenai/OLMo-7B"], {
      ...env,
      HF_TOKEN: "hf_secretvalue123",
      GITHUB_TOKEN: "ghp_secretvalue456",
    });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/secretvalue/);
    expect(mock.requests.some((r) => r.headers.authorization === "Bearer hf_secretvalue123")).toBe(true);
  });
});
