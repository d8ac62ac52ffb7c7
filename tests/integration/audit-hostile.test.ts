import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import { reportOf, statusOf, useAuditEnv } from "@/tests/helpers/audit-env";

// a copy of the fixtures in which one linked repository has 100,000 files and the model card weighs 50 MB
function hostileFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-hostile-"));
  cpSync(join(import.meta.dirname, "..", "fixtures"), dir, { recursive: true });
  const tree = {
    sha: "f".repeat(40),
    url: "",
    truncated: false,
    tree: Array.from({ length: 100_000 }, (_, i) => ({ path: `data/shard_${i}.txt`, mode: "100644", type: "blob", sha: "a".repeat(40), size: 10 })),
  };
  writeFileSync(join(dir, "github", "repos", "LLM360", "amber-train", "git", "trees", "main.json"), JSON.stringify(tree));
  mkdirSync(join(dir, "hf", "models", "mistralai", "Mistral-7B-v0.1"), { recursive: true });
  writeFileSync(join(dir, "hf", "models", "mistralai", "Mistral-7B-v0.1", "README.md"), `# Mistral\n${"x".repeat(50 * 1024 * 1024)}`);
  return dir;
}

const getEnv = useAuditEnv(() => ({ fixturesDir: hostileFixtures() }));
const audit = (id: string) => auditModel(id, getEnv().deps({ cache: false, http: { timeoutMs: 2_000 } })).then(reportOf);

describe("hostile upstream answers", () => {
  it("survives a connection reset mid-request", async () => {
    getEnv().mock.setFaults([{ path: "/arxiv/oai", resetConnection: true }]);
    const r = await audit("allenai/OLMo-7B");
    expect(statusOf(r, "Research paper")).toBe("unknown");
    expect(r.provisional).toBe(true);
  });

  it("survives a truncated JSON body", async () => {
    getEnv().mock.setFaults([{ path: "/api/models/EleutherAI/pythia-160m/refs", truncateBody: true }]);
    const r = await audit("EleutherAI/pythia-160m");
    expect(statusOf(r, "Model parameters (Intermediate)")).toBe("unknown");
    expect(r.failures.some((f) => f.url.includes("/refs"))).toBe(true);
  });

  it("survives an HTML error page where JSON was expected", async () => {
    getEnv().mock.setFaults([{ path: "/api/datasets/allenai/dolma", htmlErrorPage: true, status: 200 }]);
    const r = await audit("allenai/OLMo-7B");
    expect(statusOf(r, "Datasets")).toBe("unknown");
    expect(r.failures.find((f) => f.url.includes("dolma"))?.kind).toBe("invalid_response");
  });

  it("refuses a redirect to a host that is not a configured upstream", async () => {
    getEnv().mock.setFaults([{ path: "/github/repos/LLM360/Analysis360", redirect: "http://169.254.169.254/latest/meta-data/" }]);
    const before = getEnv().mock.requests.length;
    const r = await audit("LLM360/Amber");
    expect(r.failures.some((f) => f.url.includes("Analysis360"))).toBe(true);
    expect(getEnv().mock.requests.length - before).toBe(r.requests);
  });

  it("stops a redirect loop", async () => {
    getEnv().mock.setFaults([{ path: "/arxiv/oai", redirect: "/arxiv/oai?verb=GetRecord&identifier=oai:arXiv.org:2402.00838&metadataPrefix=arXiv" }]);
    const r = await audit("allenai/OLMo-7B");
    expect(statusOf(r, "Research paper")).toBe("unknown");
    expect(r.failures.find((f) => f.source === "arxiv")?.kind).toBe("upstream_error");
  });

  it("caps a body that never ends without holding it in memory", async () => {
    getEnv().mock.setFaults([{ path: "/api/models/EleutherAI/pythia-160m/refs", hugeBody: 200 * 1024 * 1024 }]);
    const heapBefore = process.memoryUsage().heapUsed;
    const r = await audit("EleutherAI/pythia-160m");
    expect(statusOf(r, "Model parameters (Intermediate)")).toBe("unknown");
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("grades a release whose model card is 50 MB: the card is unknown, the rest still counts", async () => {
    const r = await audit("mistralai/Mistral-7B-v0.1");
    expect(statusOf(r, "Model card")).toBe("unknown");
    expect(statusOf(r, "Model parameters (Final)")).toBe("included");
    expect(r.failures.find((f) => f.url.includes("README.md"))?.kind).toBe("invalid_response");
  });

  it("audits a linked repository of 100,000 files", async () => {
    const r = await audit("LLM360/Amber");
    expect(["included", "unknown"]).toContain(statusOf(r, "Training code"));
    expect(statusOf(r, "Model parameters (Final)")).toBe("included");
  });

  it("answers in time when an upstream hangs", async () => {
    getEnv().mock.setFaults([{ path: "/github/", delayMs: 10_000 }]);
    const r = await auditModel("LLM360/CrystalCoder", getEnv().deps({ cache: false, http: { timeoutMs: 200, maxRetries: 0 } })).then(reportOf);
    expect(statusOf(r, "Training code")).toBe("unknown");
    expect(r.failures.filter((f) => f.kind === "timeout").length).toBeGreaterThan(0);
  });
});
