import { listFiles } from "@huggingface/hub";
import type { HfTreeEntry } from "@/lib/evidence/upstream-facts";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { callHub, parseHub } from "./call-hub";
import { hfRepoIdSchema, hfRevisionSchema, treeEntryWireSchema } from "./schemas";

export interface RepoTreeParams {
  id: string;
  revision?: string | null;
  kind?: "model" | "dataset";
}

/** Every file and folder of a repo at a revision (default main), across all pages of the tree API. */
export async function getModelTree(upstream: Upstream, params: RepoTreeParams): Promise<HfTreeEntry[]> {
  const { hfEndpoint } = upstream.config;
  const type = params.kind ?? "model";
  const url = `${hfEndpoint}/api/${type}s/${params.id}/tree/${params.revision ?? "main"}`;
  const id = checkInput(hfRepoIdSchema, params.id, url);
  const revision = params.revision ? checkInput(hfRevisionSchema, params.revision, url) : undefined;

  return callHub(url, async () => {
    const entries: HfTreeEntry[] = [];
    const files = listFiles({
      repo: { type, name: id },
      recursive: true,
      hubUrl: hfEndpoint,
      fetch: upstream.http.fetchFn,
      ...(revision ? { revision } : {}),
    });
    for await (const item of files) {
      const entry = parseHub(url, treeEntryWireSchema, item);
      // "unknown" entries (e.g. submodules) carry no content we can judge
      if (entry.type !== "unknown") {
        entries.push({ path: entry.path, type: entry.type, size: entry.size });
      }
    }
    return entries;
  });
}
