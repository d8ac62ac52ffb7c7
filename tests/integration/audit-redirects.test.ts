import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { getDatasetInfo } from "@/lib/fetchers/hf";
import { createUpstream } from "@/lib/fetchers/upstream";
import { reportOf, useAuditEnv } from "@/tests/helpers/audit-env";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";

const env = useAuditEnv();

describe("moved repositories", () => {
  it("follows a legacy dataset id through the Hub's 307 to its current repository", async () => {
    const upstream = env().deps({ cache: false }).upstream();
    const info = await getDatasetInfo(upstream, { id: "openai_humaneval" });
    expect(info.id).toBe("openai/openai_humaneval");
    expect(
      env()
        .mock.requests.slice(-2)
        .map((r) => r.path.split("?")[0]),
    ).toEqual(["/api/datasets/openai_humaneval/revision/HEAD", "/api/datasets/openai/openai_humaneval/revision/HEAD"]);
  });

  it("shows a legacy evaluation dataset under its current name, with the name the card wrote", async () => {
    const report = reportOf(await auditModel("bigscience/bloom", env().deps({ cache: false })));
    const data = report.components.find((c) => c.name === "Evaluation data");
    expect(data?.evidence[0]?.what).toBe("evaluation dataset openai/openai_humaneval (the card names it openai_humaneval)");
    expect(data?.evidence[0]?.url).toMatch(/\/datasets\/openai\/openai_humaneval$/);
  });

  it("follows a renamed GitHub repository for its metadata, tree and README, and shows its current name", async () => {
    const report = reportOf(await auditModel("https://github.com/facebookresearch/llama", env().deps({ cache: false })));
    expect(report.model.id).toBe("meta-llama/llama");
    const paths = env().mock.requests.map((r) => r.path.split("?")[0]);
    expect(paths).toContain("/github/repositories/264416441/git/trees/HEAD");
    expect(paths).toContain("/github/repositories/264416441/readme");
  });
});

describe("a repository linked under its old and its new name", () => {
  it("is one repository in the facts and the report", async () => {
    // a copy of the recorded llama repositories plus a model whose card links both names
    const dir = mkdtempSync(join(tmpdir(), "mofscope-renamed-"));
    const fixtures = join(import.meta.dirname, "..", "fixtures");
    for (const path of ["github/repos/meta-llama/llama.json", "github/repos/meta-llama/llama", "github/repos/facebookresearch/llama.json"]) {
      cpSync(join(fixtures, path), join(dir, path), { recursive: true });
    }
    // the shape of the Hub's model info (mock-hf returns the expanded keys)
    const model = {
      _id: "000000000000000000000001",
      id: "acme/llama-notes",
      private: false,
      gated: false,
      sha: "0".repeat(40),
      lastModified: "2024-01-01T00:00:00.000Z",
      createdAt: "2024-01-01T00:00:00.000Z",
      tags: ["license:mit"],
      "model-index": null,
      cardData: { license: "mit" },
      siblings: [{ rfilename: "README.md" }],
    };
    mkdirSync(join(dir, "hf/api/models/acme"), { recursive: true });
    writeFileSync(join(dir, "hf/api/models/acme/llama-notes.json"), JSON.stringify(model));
    mkdirSync(join(dir, "hf/models/acme/llama-notes"), { recursive: true });
    writeFileSync(join(dir, "hf/models/acme/llama-notes/README.md"), "# Notes\n\nSee github.com/facebookresearch/llama, now github.com/meta-llama/llama.\n");
    const mock = await startMockUpstream({ fixturesDir: dir });
    try {
      const config = loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl });
      const report = reportOf(await auditModel("acme/llama-notes", { upstream: () => createUpstream(config), now: () => new Date() }));
      const inference = report.components.find((c) => c.name === "Inference code");
      expect(inference?.licenses.map((l) => l.url)).toEqual(["https://github.com/meta-llama/llama#license"]);
    } finally {
      await mock.close();
    }
  });
});
