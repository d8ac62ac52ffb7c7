import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import { reportMarkdown } from "@/lib/report/markdown";
import { reportOf, statusOf, useAuditEnv } from "@/tests/helpers/audit-env";

const env = useAuditEnv();

describe("a quantised derivative", () => {
  it("is graded on its own files and says what only its base publishes, with the base's report", async () => {
    const report = reportOf(await auditModel("TheBloke/Mistral-7B-v0.1-GGUF", env().deps({ cache: false })));
    // its own GGUF weights under its own card licence
    expect(statusOf(report, "Model parameters (Final)")).toBe("included");
    expect(report.derivedFrom).toMatchObject({ kind: "quantized", base: "mistralai/Mistral-7B-v0.1", from: "model card `base_model`" });
    // the base's config names MistralForCausalLM, which transformers implements; the GGUF repo's config names no architecture
    expect(report.derivedFrom?.onlyInBase).toEqual(expect.arrayContaining(["Model architecture", "Inference code"]));
    expect(report.derivedFrom?.onlyInBase).not.toContain("Model parameters (Final)");
    expect(reportMarkdown(report, "https://mofscope.example/x")).toContain("This repository is a quantised copy of mistralai/Mistral-7B-v0.1");
  });

  it("does not follow the base of a base, and gives a repository without one no derivation", async () => {
    const base = reportOf(await auditModel("mistralai/Mistral-7B-v0.1", env().deps({ cache: false })));
    expect(base.derivedFrom).toBeNull();
  });
});
