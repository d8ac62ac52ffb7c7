import type { ListedModel, ListModelsParams } from "@/lib/fetchers/hf/list-models";
import { listHubModels } from "@/lib/fetchers/hf/list-models";
import type { Upstream } from "@/lib/fetchers/upstream";

/** A Hub organisation or user name, as `--author` and the jobs API take it. */
export const OWNER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/;

/** What to index: organisations, a search, the top N, a pipeline; and ids named outright (a file, the MOT records). */
export interface IndexSelection {
  authors?: readonly string[];
  search?: string;
  top?: number;
  pipeline?: string;
  /** Hub ids with no listing behind them: their commit is unknown until audited. */
  ids?: readonly string[];
}

/** The list API calls a selection makes: one per organisation, else one for the search, top N or pipeline. */
export function listCalls(selection: IndexSelection): ListModelsParams[] {
  const shared: ListModelsParams = {
    ...(selection.search ? { search: selection.search } : {}),
    ...(selection.pipeline ? { pipeline: selection.pipeline } : {}),
    ...(selection.top ? { limit: selection.top, sort: "downloads" as const } : {}),
  };
  const authors = selection.authors ?? [];
  if (authors.length > 0) {
    return authors.map((author) => ({ ...shared, author }));
  }
  return Object.keys(shared).length > 0 ? [shared] : [];
}

/** Every model the selection names, once each (listed ones first, with their commit). */
export async function listSelection(upstream: Upstream, selection: IndexSelection): Promise<ListedModel[]> {
  const listed = new Map<string, ListedModel>();
  for (const call of listCalls(selection)) {
    for (const model of await listHubModels(upstream, call)) {
      listed.set(model.id.toLowerCase(), model);
    }
  }
  for (const id of selection.ids ?? []) {
    if (!listed.has(id.toLowerCase())) {
      listed.set(id.toLowerCase(), { id, sha: null, lastModified: null, pipelineTag: null, downloads: null });
    }
  }
  return [...listed.values()];
}
