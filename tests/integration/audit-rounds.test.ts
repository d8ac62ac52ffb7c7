import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit";
import type { AuditEnv } from "@/tests/helpers/audit-env";
import { startAuditEnv } from "@/tests/helpers/audit-env";
import { FIXTURE_RELEASES } from "@/tests/helpers/releases";

let env: AuditEnv;

beforeAll(async () => {
  env = await startAuditEnv({ latencyMs: 20 });
});

afterAll(async () => {
  await env.close();
});

/**
 * A fetch that numbers each request's round by causality: one more than the deepest request that had already
 * answered when it was sent. Requests sent together share a round; a request that waited for another is deeper.
 */
function roundCountingFetch(): { fetch: typeof fetch; deepest: () => number } {
  let answered = 0;
  let deepest = 0;
  const counting: typeof fetch = async (input, init) => {
    const round = answered + 1;
    deepest = Math.max(deepest, round);
    try {
      return await fetch(input, init);
    } finally {
      answered = Math.max(answered, round);
    }
  };
  return { fetch: counting, deepest: () => deepest };
}

describe("audit critical path", () => {
  it.each(FIXTURE_RELEASES)("%s takes at most 3 rounds of requests", async (id) => {
    const counter = roundCountingFetch();
    const outcome = await auditModel(id, env.deps({ cache: false, http: { fetch: counter.fetch, perHostConcurrency: 64 } }));
    expect(outcome.ok).toBe(true);
    expect(counter.deepest()).toBeLessThanOrEqual(3);
  });
});
