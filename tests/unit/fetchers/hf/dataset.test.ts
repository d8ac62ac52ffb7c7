import { afterEach, describe, expect, it } from "vitest";
import { getDatasetCard, getDatasetInfo } from "@/lib/fetchers/hf";
import { startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

let t: TestUpstream;
afterEach(async () => {
  await t.mock.close();
});

describe("getDatasetInfo", () => {
  it("returns card data with a list-valued licence and the dataset page URL", async () => {
    t = await startTestUpstream();
    const dataset = await getDatasetInfo(t.upstream, { id: "acme/tiny-corpus" });
    expect(dataset).toEqual({
      id: "acme/tiny-corpus",
      sha: "4444444444444444444444444444444444444444",
      gated: false,
      private: false,
      tags: ["task_categories:text-generation", "language:en", "license:cc-by-4.0", "license:odc-by"],
      cardData: { license: ["cc-by-4.0", "odc-by"], pretty_name: "Tiny Corpus" },
      description: "Dataset Card for tiny-corpus",
      url: `${t.mock.hfEndpoint}/datasets/acme/tiny-corpus`,
    });
  });

  it("fails with not_found for an unknown dataset", async () => {
    t = await startTestUpstream();
    await expect(getDatasetInfo(t.upstream, { id: "acme/none" })).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("getDatasetCard", () => {
  it("returns the dataset README", async () => {
    t = await startTestUpstream();
    expect(await getDatasetCard(t.upstream, { id: "acme/tiny-corpus" })).toContain("# Tiny Corpus");
  });
});
