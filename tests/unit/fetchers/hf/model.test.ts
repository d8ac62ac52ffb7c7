import { afterEach, describe, expect, it } from "vitest";
import { getModelCard, getModelInfo, getModelRefs, getModelTree } from "@/lib/fetchers/hf";
import { startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

let t: TestUpstream;
afterEach(async () => {
  await t.mock.close();
});

describe("getModelInfo", () => {
  it("returns the expanded metadata in camelCase", async () => {
    t = await startTestUpstream();
    const model = await getModelInfo(t.upstream, { id: "acme/tiny" });
    expect(model).toMatchObject({
      id: "acme/tiny",
      sha: "1111111111111111111111111111111111111111",
      gated: false,
      libraryName: "transformers",
      pipelineTag: "text-generation",
      config: { architectures: ["LlamaForCausalLM"], modelType: "llama" },
      cardData: { license: "apache-2.0" },
      modelIndex: null,
      createdAt: "2024-01-15T09:00:00.000Z",
      lastModified: "2024-05-01T10:00:00.000Z",
      url: `${t.mock.hfEndpoint}/acme/tiny`,
    });
    expect(model.siblings).toContain("checkpoints/step-100/model.safetensors");
    expect(model.tags).toContain("arxiv:2401.00001");
  });

  it("asks for the fields it needs, siblings included, at the requested revision", async () => {
    t = await startTestUpstream();
    await getModelInfo(t.upstream, { id: "acme/tiny", revision: "v1.0" });
    const url = new URL(t.mock.requests[0]?.path ?? "", t.mock.url);
    expect(url.pathname).toBe("/api/models/acme/tiny/revision/v1.0");
    expect(url.searchParams.getAll("expand")).toEqual(expect.arrayContaining(["siblings", "cardData", "config", "sha"]));
  });

  it("reads gated metadata anonymously", async () => {
    t = await startTestUpstream();
    const model = await getModelInfo(t.upstream, { id: "acme/gated-tiny" });
    expect(model).toMatchObject({ gated: "manual", config: null, cardData: { license: "other" } });
  });

  it("fails with not_found for a repo the hub hides behind 401", async () => {
    t = await startTestUpstream();
    await expect(getModelInfo(t.upstream, { id: "acme/missing" })).rejects.toMatchObject({ kind: "not_found" });
  });

  it("fails with not_found for an id that cannot exist, without a request", async () => {
    t = await startTestUpstream();
    await expect(getModelInfo(t.upstream, { id: "../../etc" })).rejects.toMatchObject({ kind: "not_found" });
    expect(t.mock.requests).toHaveLength(0);
  });

  it("reports a payload of the wrong shape as invalid_response", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path: "/api/models/", status: 200, body: '{"id":"acme/tiny"}' }] } });
    await expect(getModelInfo(t.upstream, { id: "acme/tiny" })).rejects.toMatchObject({ kind: "invalid_response" });
  });
});

describe("getModelRefs", () => {
  it("lists branches and tags", async () => {
    t = await startTestUpstream();
    const refs = await getModelRefs(t.upstream, { id: "acme/tiny" });
    expect(refs.branches.map((b) => b.name)).toEqual(["main", "step100-tokens1B"]);
    expect(refs.tags).toEqual([{ name: "v1.0", targetCommit: "1111111111111111111111111111111111111111" }]);
  });
});

describe("getModelTree", () => {
  it("follows Link pagination to the last page", async () => {
    t = await startTestUpstream({ mock: { treePageSize: 3 } });
    const tree = await getModelTree(t.upstream, { id: "acme/tiny" });
    expect(tree).toHaveLength(7);
    expect(tree).toContainEqual({ path: "checkpoints/step-100", type: "directory", size: 0 });
    expect(t.mock.requests).toHaveLength(3);
  });

  it("fails with not_found for an unknown revision", async () => {
    t = await startTestUpstream();
    await expect(getModelTree(t.upstream, { id: "acme/tiny", revision: "nope" })).rejects.toMatchObject({
      kind: "not_found",
    });
  });
});

describe("getModelCard", () => {
  it("returns the raw README with its front matter", async () => {
    t = await startTestUpstream();
    const card = await getModelCard(t.upstream, { id: "acme/tiny" });
    expect(card.startsWith("---\nlicense: apache-2.0")).toBe(true);
  });

  it("fails with gated for a gated repo", async () => {
    t = await startTestUpstream();
    await expect(getModelCard(t.upstream, { id: "acme/gated-tiny" })).rejects.toMatchObject({ kind: "gated" });
  });
});
