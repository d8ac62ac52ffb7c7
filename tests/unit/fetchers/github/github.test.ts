import { afterEach, describe, expect, it } from "vitest";
import { getReadme, getRepo, getTree } from "@/lib/fetchers/github";
import { startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

let t: TestUpstream;
afterEach(async () => {
  await t.mock.close();
});

describe("getRepo", () => {
  it("returns repo metadata and licence in camelCase", async () => {
    t = await startTestUpstream();
    expect(await getRepo(t.upstream, { owner: "acme", repo: "tiny-train" })).toEqual({
      fullName: "acme/tiny-train",
      htmlUrl: "https://github.com/acme/tiny-train",
      defaultBranch: "main",
      description: "Training code for acme/tiny",
      archived: false,
      fork: false,
      topics: ["llm", "training"],
      license: { key: "apache-2.0", spdxId: "Apache-2.0", name: "Apache License 2.0" },
    });
  });

  it("sends GitHub's API headers", async () => {
    t = await startTestUpstream();
    await getRepo(t.upstream, { owner: "acme", repo: "tiny-train" });
    expect(t.mock.requests[0]?.headers).toMatchObject({
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": expect.stringContaining("mofscope"),
    });
  });

  it("follows a rename's 301 to /repositories/{id}", async () => {
    t = await startTestUpstream();
    const repo = await getRepo(t.upstream, { owner: "acme", repo: "old-name" });
    expect(repo.fullName).toBe("acme/tiny-train");
    expect(t.mock.requests.map((r) => r.path)).toEqual(["/github/repos/acme/old-name", "/github/repositories/4242"]);
  });

  it("fails with not_found for a missing repo", async () => {
    t = await startTestUpstream();
    await expect(getRepo(t.upstream, { owner: "acme", repo: "nope" })).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("getReadme", () => {
  it("decodes the base64 content as UTF-8", async () => {
    t = await startTestUpstream();
    expect(await getReadme(t.upstream, { owner: "acme", repo: "tiny-train" })).toContain("café ✓");
  });
});

describe("getTree", () => {
  it("lists blob paths only, recursively", async () => {
    t = await startTestUpstream();
    const tree = await getTree(t.upstream, { owner: "acme", repo: "tiny-train", ref: "main" });
    expect(tree).toEqual({ paths: ["README.md", "train/pretrain.py", "eval/run_eval.py"], truncated: false });
    expect(t.mock.requests[0]?.path).toBe("/github/repos/acme/tiny-train/git/trees/main?recursive=1");
  });

  it("refuses a ref that would leave the path", async () => {
    t = await startTestUpstream();
    await expect(getTree(t.upstream, { owner: "acme", repo: "tiny-train", ref: "../x" })).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(t.mock.requests).toHaveLength(0);
  });
});
