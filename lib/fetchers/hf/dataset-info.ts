import { datasetInfo } from "@huggingface/hub";
import type { HfDataset } from "@/lib/evidence/upstream-facts";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { callHub, parseHub } from "./call-hub";
import { datasetInfoWireSchema, hfRepoIdSchema, hfRevisionSchema } from "./schemas";

const additionalFields = ["cardData", "description", "sha", "tags"] as const;

/** Dataset metadata; its card data carries the licence (often a list). */
export async function getDatasetInfo(upstream: Upstream, params: { id: string; revision?: string | null }): Promise<HfDataset> {
  const { hfEndpoint } = upstream.config;
  const url = `${hfEndpoint}/api/datasets/${params.id}`;
  const id = checkInput(hfRepoIdSchema, params.id, url);
  const revision = params.revision ? checkInput(hfRevisionSchema, params.revision, url) : undefined;

  const raw = await callHub(url, () =>
    datasetInfo({
      name: id,
      hubUrl: hfEndpoint,
      fetch: upstream.http.fetchFn,
      additionalFields: [...additionalFields],
      ...(revision ? { revision } : {}),
    }),
  );
  const wire = parseHub(url, datasetInfoWireSchema, raw);
  return {
    id: wire.name,
    sha: wire.sha ?? null,
    gated: wire.gated,
    private: wire.private,
    tags: wire.tags ?? [],
    cardData: wire.cardData ?? null,
    description: wire.description ?? null,
    url: `${hfEndpoint}/datasets/${wire.name}`,
  };
}
