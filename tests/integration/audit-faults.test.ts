import { describe, expect, it } from "vitest";
import { auditModel, startAudit } from "@/lib/audit";
import { reportOf, statusOf, useAuditEnv } from "@/tests/helpers/audit-env";

const getEnv = useAuditEnv();

describe("audit with a failing upstream", () => {
  it("marks the paper unknown, not missing, when arXiv fails, and says the grade is provisional", async () => {
    getEnv().mock.setFaults([{ path: "/arxiv/oai", status: 500 }]);
    const r = reportOf(await auditModel("allenai/OLMo-7B", getEnv().deps({ cache: false })));
    expect(statusOf(r, "Research paper")).toBe("unknown");
    expect(statusOf(r, "Technical report")).toBe("unknown");
    expect(r.provisional).toBe(true);
    expect(r.failures.some((f) => f.source === "arxiv" && f.kind === "upstream_error")).toBe(true);
    expect(r.components.find((c) => c.name === "Research paper")?.unknownBecause[0]).toContain("arxiv");
  });

  it("marks code components unknown when GitHub times out", async () => {
    getEnv().mock.setFaults([{ path: "/github/", delayMs: 400 }]);
    const r = reportOf(await auditModel("LLM360/Amber", getEnv().deps({ cache: false, http: { timeoutMs: 100 } })));
    expect(statusOf(r, "Training code")).toBe("unknown");
    expect(statusOf(r, "Evaluation code")).toBe("unknown");
    expect(r.failures.some((f) => f.kind === "timeout")).toBe(true);
    expect(statusOf(r, "Model parameters (Final)")).toBe("included");
  });

  it("retries a 503 with Retry-After and then succeeds", async () => {
    getEnv().mock.setFaults([{ path: "/api/models/mistralai/Mistral-7B-v0.1", status: 503, retryAfter: 1, times: 1 }]);
    const r = reportOf(await auditModel("mistralai/Mistral-7B-v0.1", getEnv().deps({ cache: false })));
    expect(r.provisional).toBe(false);
    expect(r.requests).toBe(5);
  });

  it("treats malformed JSON from the refs endpoint as a failure of that source only", async () => {
    getEnv().mock.setFaults([{ path: "/api/models/EleutherAI/pythia-160m/refs", malformedJson: true }]);
    const r = reportOf(await auditModel("EleutherAI/pythia-160m", getEnv().deps({ cache: false })));
    expect(statusOf(r, "Model parameters (Intermediate)")).toBe("unknown");
    expect(r.failures.find((f) => f.url.includes("/refs"))?.kind).toBe("invalid_response");
    expect(statusOf(r, "Model parameters (Final)")).toBe("included");
  });

  it("keeps a dataset's failure from becoming a verdict on the datasets", async () => {
    getEnv().mock.setFaults([{ path: "/api/datasets/allenai/dolma", status: 502 }]);
    const r = reportOf(await auditModel("allenai/OLMo-7B", getEnv().deps({ cache: false })));
    expect(statusOf(r, "Datasets")).toBe("unknown");
  });
});

describe("audit that cannot start", () => {
  it("answers 404 for a model that does not exist", async () => {
    const outcome = await auditModel("acme/no-such-model", getEnv().deps({ cache: false }));
    expect(outcome.ok ? null : outcome.error).toMatchObject({ code: "not_found" });
  });

  it("answers 429 with the wait when the Hub rate-limits beyond what the client waits", async () => {
    getEnv().mock.setFaults([{ path: "/api/models/allenai/OLMo-7B", status: 429, retryAfter: 120 }]);
    const outcome = await auditModel("allenai/OLMo-7B", getEnv().deps({ cache: false }));
    expect(outcome.ok ? null : outcome.error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 120 });
  });

  it("answers 502 when the Hub keeps failing", async () => {
    getEnv().mock.setFaults([{ path: "/api/models/allenai/OLMo-7B", status: 502 }]);
    const outcome = await auditModel("allenai/OLMo-7B", getEnv().deps({ cache: false }));
    expect(outcome.ok ? null : outcome.error).toMatchObject({ code: "upstream_error" });
  });

  it("refuses a URL on another host before any request", async () => {
    const before = getEnv().mock.requests.length;
    const outcome = await auditModel("https://evil.example.com/org/model", getEnv().deps({ cache: false }));
    expect(outcome.ok ? null : outcome.error).toMatchObject({ code: "bad_input" });
    expect(getEnv().mock.requests.length).toBe(before);
  });

  it("refuses a dataset URL with a precise message", async () => {
    const outcome = await auditModel("https://huggingface.co/datasets/allenai/dolma", getEnv().deps({ cache: false }));
    expect(outcome.ok ? "" : outcome.error.message).toMatch(/dataset/i);
  });
});

describe("audit of a GitHub URL", () => {
  it("audits the model a repository's README names, with the repository's code", async () => {
    const r = reportOf(await auditModel("https://github.com/LLM360/amber-train", getEnv().deps({ cache: false })));
    expect(r.model).toMatchObject({ source: "hf", id: "LLM360/Amber" });
    expect(r.components.find((c) => c.name === "Training code")?.evidence[0]?.what).toContain("LLM360/amber-train");
  });

  it("audits the repository as a code release when the model its README names is not on the Hub", async () => {
    const r = reportOf(await auditModel("https://github.com/allenai/OLMo", getEnv().deps({ cache: false })));
    expect(r.model).toMatchObject({ source: "github", id: "allenai/OLMo" });
    expect(statusOf(r, "Training code")).toBe("included");
  });

  it("audits a repository that names no model as a code release", async () => {
    const r = reportOf(await auditModel("github.com/EleutherAI/lm-evaluation-harness", getEnv().deps({ cache: false })));
    expect(r.model).toMatchObject({ source: "github", id: "EleutherAI/lm-evaluation-harness" });
    expect(statusOf(r, "Evaluation code")).toBe("included");
    expect(statusOf(r, "Model parameters (Final)")).toBe("missing");
  });
});

describe("concurrent audits", () => {
  it("share one run: 20 simultaneous audits of one model make the requests of one", async () => {
    const deps = getEnv().deps({ cache: false });
    const before = getEnv().mock.requests.length;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => auditModel("mistralai/Mistral-7B-v0.1", deps)));
    expect(getEnv().mock.requests.length - before).toBe(4);
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
  });

  it("a forced run never joins a run that reads the response cache", async () => {
    const deps = getEnv().deps({ cache: false });
    const before = getEnv().mock.requests.length;
    const cached = startAudit("mistralai/Mistral-7B-v0.1", deps);
    const forced = startAudit("mistralai/Mistral-7B-v0.1", { ...deps, noCache: true });
    expect(forced).not.toBe(cached);
    expect(startAudit("mistralai/Mistral-7B-v0.1", deps)).toBe(cached);
    expect(startAudit("mistralai/Mistral-7B-v0.1", { ...deps, noCache: true })).toBe(forced);
    await Promise.all([cached.outcome, forced.outcome]);
    expect(getEnv().mock.requests.length - before).toBe(8);
  });
});
