import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { hfRepoIdSchema, hfRevisionSchema } from "./schemas";

export interface RepoCardParams {
  id: string;
  revision?: string | null;
}

/** Raw README.md of a model (front matter included); a gated repo fails with kind "gated". */
export function getModelCard(upstream: Upstream, params: RepoCardParams): Promise<string> {
  return readCard(upstream, "", params);
}

/** Raw README.md of a dataset repo. */
export function getDatasetCard(upstream: Upstream, params: RepoCardParams): Promise<string> {
  return readCard(upstream, "datasets/", params);
}

// /raw/ serves the git blob, so there is no CDN redirect and no Range probe as with downloadFile
async function readCard(upstream: Upstream, prefix: string, params: RepoCardParams): Promise<string> {
  const rev = params.revision ?? "main";
  const url = `${upstream.config.hfEndpoint}/${prefix}${params.id}/raw/${encodeURIComponent(rev)}/README.md`;
  checkInput(hfRepoIdSchema, params.id, url);
  checkInput(hfRevisionSchema, rev, url);
  return upstream.http.getText(url);
}
