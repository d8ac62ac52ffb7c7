import { modelInfo } from "@huggingface/hub";
import type { HfModel } from "@/lib/evidence/upstream-facts";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { callHub, parseHub } from "./call-hub";
import { hfRepoIdSchema, hfRevisionSchema, modelInfoWireSchema } from "./schemas";

// modelInfo returns almost nothing unless asked (hub-apis §0.1); "filePaths" is sent as expand=siblings
const additionalFields = ["cardData", "config", "tags", "sha", "library_name", "model-index", "filePaths", "createdAt", "safetensors"] as const;

export interface ModelInfoParams {
  id: string;
  revision?: string | null;
}

/** Model metadata (card data, config, tags, files, gating) at a revision, default HEAD. */
export async function getModelInfo(upstream: Upstream, params: ModelInfoParams): Promise<HfModel> {
  const { hfEndpoint } = upstream.config;
  const url = `${hfEndpoint}/api/models/${params.id}`;
  const id = checkInput(hfRepoIdSchema, params.id, url);
  const revision = params.revision ? checkInput(hfRevisionSchema, params.revision, url) : undefined;

  const raw = await callHub(url, () =>
    modelInfo({
      name: id,
      hubUrl: hfEndpoint,
      fetch: upstream.http.fetchFn,
      additionalFields: [...additionalFields],
      ...(revision ? { revision } : {}),
    }),
  );
  const wire = parseHub(url, modelInfoWireSchema, raw);
  const updatedAt = wire.updatedAt && !Number.isNaN(wire.updatedAt.getTime()) ? wire.updatedAt : null;

  return {
    id: wire.name,
    sha: wire.sha ?? null,
    gated: wire.gated,
    private: wire.private,
    libraryName: wire.library_name ?? null,
    pipelineTag: wire.task ?? null,
    tags: wire.tags ?? [],
    cardData: wire.cardData ?? null,
    config: wire.config ? { architectures: wire.config.architectures ?? [], modelType: wire.config.model_type ?? null } : null,
    siblings: wire.filePaths ?? [],
    modelIndex: wire["model-index"] ?? null,
    createdAt: wire.createdAt ?? null,
    lastModified: updatedAt ? updatedAt.toISOString() : null,
    url: `${hfEndpoint}/${wire.name}`,
  };
}
