import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import { getDatasetInfo } from "@/lib/fetchers/hf";
import { reportOf, useAuditEnv } from "@/tests/helpers/audit-env";

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
