import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { createRateLimiter, type RateLimiter } from "@/lib/server/http/rate-limit";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

let mock: MockUpstream;
let latest: typeof import("@/lib/server/loaders/latest-report");

// the limiter behind its interface as a shared store would be: the answer arrives after a round trip
function slowLimiter(capacity: number): RateLimiter {
  const buckets = createRateLimiter({ capacity, refillPerMinute: 1 });
  return { take: async (key) => new Promise((resolve) => setTimeout(() => resolve(buckets.take(key)), 30)) };
}

beforeAll(async () => {
  mock = await startMockUpstream();
  Object.assign(process.env, {
    MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-limit-")), "limit.sqlite"),
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
  });
  (globalThis as { mofscopeAuditLimiter?: RateLimiter }).mofscopeAuditLimiter = slowLimiter(2);
  latest = await import("@/lib/server/loaders/latest-report");
});

afterAll(async () => {
  await mock.close();
});

const ref = (id: string) => {
  const [org = "", name = ""] = id.split("/");
  const found = modelRefFromRoute(org, name);
  if (found === null) {
    throw new Error(id);
  }
  return found;
};

describe("the audit limit with a limiter that answers after a round trip", () => {
  it("lets readers that arrive while an audit's first reader waits for the limiter join that audit, spending one token", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => latest.latestReport(ref("EleutherAI/pythia-160m"), { client: "10.0.0.1" })));
    expect(results.map((r) => r.error?.code ?? null)).toEqual(Array(20).fill(null));
    expect(new Set(results.map((r) => r.report?.id)).size).toBe(1);
    // the client had two tokens: the crowd spent one, so one more uncached audit runs and the next is refused
    expect((await latest.latestReport(ref("bigscience/bloom"), { client: "10.0.0.1" })).error).toBeNull();
    expect((await latest.latestReport(ref("LLM360/Amber"), { client: "10.0.0.1" })).error?.code).toBe("rate_limited");
  });

  it("spends no second token on the audit whose first request a model page already paid for", async () => {
    const page = ref("allenai/OLMo-7B");
    expect(await latest.admitModelPage(page, "10.0.0.2")).toEqual({ ok: true, prepaid: true });
    expect((await latest.latestReport(page, { client: "10.0.0.2", prepaid: true })).error).toBeNull();
    expect((await latest.latestReport(ref("LLM360/CrystalCoder"), { client: "10.0.0.2" })).error).toBeNull();
    const before = mock.requests.length;
    expect(await latest.admitModelPage(ref("moxin-org/moxin-llm-7b"), "10.0.0.2")).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(mock.requests.length).toBe(before);
  });
});
