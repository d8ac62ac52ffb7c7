import { listModels } from "@huggingface/hub";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { callHub, parseHub } from "./call-hub";
import { hfRepoIdSchema, listedModelWireSchema } from "./schemas";

/** A model as the Hub's list API names it: enough to decide, without another request, whether it moved. */
export interface ListedModel {
  id: string;
  sha: string | null;
  lastModified: string | null;
  pipelineTag: string | null;
  downloads: number | null;
}

export interface ListModelsParams {
  author?: string;
  search?: string;
  pipeline?: string;
  /** At most this many models, across pages. */
  limit?: number;
  sort?: "downloads" | "lastModified" | "createdAt" | "likes";
}

// the list answer carries each model's commit when asked (expand=sha), so an unchanged model costs no request
const additionalFields = ["sha"] as const;

/** Every model the Hub lists for an author, search or pipeline, across the pages its `Link` header chains. */
export async function listHubModels(upstream: Upstream, params: ListModelsParams): Promise<ListedModel[]> {
  const { hfEndpoint } = upstream.config;
  const url = `${hfEndpoint}/api/models`;
  const author = params.author === undefined ? undefined : checkInput(hfRepoIdSchema, params.author, url);
  return callHub(url, async () => {
    const listed: ListedModel[] = [];
    const entries = listModels({
      search: {
        ...(author ? { owner: author } : {}),
        ...(params.search ? { query: params.search } : {}),
        // the library types the task as its own union; the Hub answers an unknown one with an empty list
        ...(params.pipeline ? { task: params.pipeline as never } : {}),
      },
      additionalFields: [...additionalFields],
      hubUrl: hfEndpoint,
      fetch: upstream.http.fetchFn,
      ...(params.limit ? { limit: params.limit } : {}),
      ...(params.sort ? { sort: params.sort } : {}),
    });
    for await (const item of entries) {
      const wire = parseHub(url, listedModelWireSchema, item);
      const updated = wire.updatedAt && !Number.isNaN(wire.updatedAt.getTime()) ? wire.updatedAt.toISOString() : null;
      listed.push({ id: wire.name, sha: wire.sha ?? null, lastModified: updated, pipelineTag: wire.task ?? null, downloads: wire.downloads ?? null });
    }
    return listed;
  });
}
