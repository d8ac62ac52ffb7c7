import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import { reportMarkdown } from "@/lib/report/markdown";
import { reportOf, useAuditEnv } from "@/tests/helpers/audit-env";

const env = useAuditEnv();

describe("next steps in the report, the Markdown export and the CLI", () => {
  it("tells Qwen2.5-7B-Instruct that its linked evaluation code needs a licence, and where it looked", async () => {
    const report = reportOf(await auditModel("Qwen/Qwen2.5-7B-Instruct", env().deps({ cache: false })));
    const evaluation = report.components.find((c) => c.name === "Evaluation code");
    expect(evaluation?.status).toBe("unlicensed");
    expect(evaluation?.nextStep?.fix).toBe(
      "the repository github.com/QwenLM/Qwen2.5 has no licence GitHub can detect: add a LICENSE file with an open source licence such as Apache-2.0 or MIT",
    );
    expect(evaluation?.nextStep?.looked).toBe("the GitHub repositories the model card links: github.com/QwenLM/Qwen2.5");
    // the card points to a blog post for its results: nothing machine-readable on the Hub
    const results = report.next?.items.find((i) => i.name === "Evaluation results");
    expect(results?.fix).toBe("add the evaluation results as a table in the model card, or as `model-index` in its front matter");
    expect(reportMarkdown(report, "https://mofscope.example/x")).toContain(
      "- **Evaluation results** (missing): add the evaluation results as a table in the model card, or as `model-index` in its front matter",
    );
  });

  it("gives no step for what is openly licensed or could not be checked", async () => {
    const report = reportOf(await auditModel("meta-llama/Llama-2-7b-hf", env().deps({ cache: false })));
    expect(report.components.filter((c) => c.status === "unknown" || c.status === "included").every((c) => c.nextStep === null)).toBe(true);
    expect(report.components.find((c) => c.name === "Model parameters (Final)")?.nextStep?.fix).toMatch(/^llama2 \(the model card\) is not an open licence/);
  });
});
