import { afterEach, describe, expect, it } from "vitest";
import { type IndexEnv, startIndexEnv } from "@/tests/helpers/index-env";

let env: IndexEnv | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

const FAMILY = { size: 12, github: "allenai/OLMo", arxiv: "2402.00838", dataset: "allenai/dolma" };

describe("answers a family of models shares, in one index run", () => {
  it("fetches the shared GitHub repository, arXiv paper and dataset once, not once per model", async () => {
    env = await startIndexEnv({ synthetic: { count: 16, seed: 11, orgs: 1, family: FAMILY } });
    const e = env;
    const summary = await e.index({ authors: ["synthetic-org-0"] }, { concurrency: 4 });
    expect(summary).toMatchObject({ listed: 16, audited: 16, failed: 0 });

    const paths = e.mock.requests.map((r) => r.path);
    const repoCalls = paths.filter((p) => p.startsWith("/github/repos/allenai/OLMo"));
    // every endpoint of the repository the audit reads (metadata, licence, readme, tree), each asked once
    expect(repoCalls.length).toBeGreaterThan(0);
    expect(new Set(repoCalls).size).toBe(repoCalls.length);
    expect(paths.filter((p) => p === "/github/repos/allenai/OLMo")).toHaveLength(1);
    expect(paths.filter((p) => p.startsWith("/arxiv/oai") && p.includes("2402.00838"))).toHaveLength(1);
    const datasetCalls = paths.filter((p) => p.startsWith("/api/datasets/allenai/dolma"));
    expect(datasetCalls.length).toBeGreaterThan(0);
    expect(new Set(datasetCalls).size).toBe(datasetCalls.length);
    // and every family model's report does name them (the answer was shared, not skipped)
    const latest = await e.job.snapshots.latest("hf", "synthetic-org-0/gen-model-00011");
    expect(JSON.stringify(latest?.report)).toContain("github.com/allenai/OLMo");
    expect(JSON.stringify(latest?.report)).toContain("2402.00838");
    expect(JSON.stringify(latest?.report)).toContain("allenai/dolma");
  });
});
