import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import type { Report } from "@/lib/report/schema";
import { reportSchema } from "@/lib/report/schema";
import type { AuditEnv } from "@/tests/helpers/audit-env";
import { auditAll, startAuditEnv } from "@/tests/helpers/audit-env";

interface ExpectedRelease {
  class: number;
  gated: boolean;
  components: Record<string, { status: string; license: string | null; why: string }>;
}

const expected = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "releases", "expected.json"), "utf8")) as {
  releases: Record<string, ExpectedRelease>;
};

let env: AuditEnv;
const reports = new Map<string, Report>();

beforeAll(async () => {
  env = await startAuditEnv();
  for (const [id, report] of await auditAll(env, Object.keys(expected.releases))) {
    reports.set(id, report);
  }
});

afterAll(async () => {
  await env.close();
});

// an optional component MOT files under "optional" is what the hand-written table calls included
const comparable = (status: string) => (status === "optional" ? "included" : status);

describe.each(Object.entries(expected.releases))("audit of %s", (id, want) => {
  it("matches the expected class, gating and report schema", () => {
    const report = reports.get(id) as Report;
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.class).toBe(want.class);
    expect(report.gated).toBe(want.gated);
    expect(report.provisional).toBe(Object.values(want.components).some((c) => c.status === "unknown"));
  });

  it.each(Object.entries(want.components))("%s", (name, component) => {
    const got = (reports.get(id) as Report).components.find((c) => c.name === name);
    expect({ status: comparable(got?.status ?? ""), license: got?.license === "unlicensed" ? null : (got?.license ?? null) }, component.why).toEqual({
      status: component.status,
      license: ["missing", "unknown"].includes(component.status) ? null : component.license,
    });
  });

  it("links every found component to its evidence", () => {
    for (const c of (reports.get(id) as Report).components.filter((c) => !["missing", "unknown"].includes(c.status))) {
      expect(c.evidence.length, c.name).toBeGreaterThan(0);
      expect(
        c.evidence.every((e) => /^https?:\/\//.test(e.url)),
        c.name,
      ).toBe(true);
    }
  });

  it("names the failed source of every unknown component", () => {
    for (const c of (reports.get(id) as Report).components.filter((c) => c.status === "unknown")) {
      expect(c.unknownBecause.length, c.name).toBeGreaterThan(0);
    }
  });
});

describe("audit requests", () => {
  it("reports a bounded number of upstream requests", () => {
    for (const report of reports.values()) {
      expect(report.requests).toBeGreaterThan(0);
      expect(report.requests).toBeLessThanOrEqual(40);
    }
    expect(reports.get("mistralai/Mistral-7B-v0.1")?.requests).toBe(4);
  });

  it("makes no request for a second audit from a warm cache", async () => {
    const first = await auditModel("mistralai/Mistral-7B-v0.1", env.deps());
    const second = await auditModel("mistralai/Mistral-7B-v0.1", env.deps());
    expect(first.ok && first.report.requests).toBe(4);
    expect(second.ok && second.report.requests).toBe(0);
    expect(second.ok && second.report.class).toBe(0);
  });

  it("remembers not-found and gated answers, so a warm audit asks nothing", async () => {
    await auditModel("EleutherAI/pythia-160m", env.deps());
    await auditModel("meta-llama/Llama-2-7b-hf", env.deps());
    const pythia = await auditModel("EleutherAI/pythia-160m", env.deps());
    const llama = await auditModel("meta-llama/Llama-2-7b-hf", env.deps());
    expect(pythia.ok && pythia.report.requests).toBe(0);
    expect(pythia.ok && pythia.report.components.find((c) => c.name === "Datasets")?.status).toBe("missing");
    expect(llama.ok && llama.report.requests).toBe(0);
    expect(llama.ok && llama.report.failures.map((f) => f.kind)).toEqual(["gated"]);
  });

  it("asks again only for what failed, which is never cached", async () => {
    const first = await auditModel("allenai/OLMo-7B", env.deps());
    const second = await auditModel("allenai/OLMo-7B", env.deps());
    expect(first.ok && first.report.failures).toHaveLength(3);
    expect(second.ok && second.report.requests).toBe(3);
    expect(second.ok && second.report.class).toBe(3);
  });
});
