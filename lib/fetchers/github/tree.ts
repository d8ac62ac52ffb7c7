import type { GithubTree } from "@/lib/evidence/upstream-facts";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { type GithubRepoParams, getRepoJson } from "./request";
import { githubRefSchema, treeWireSchema } from "./schemas";

/** File paths of a repository at a ref, recursively; `truncated` is set past GitHub's 100k-entry limit. */
export async function getTree(upstream: Upstream, params: GithubRepoParams & { ref: string }): Promise<GithubTree> {
  const suffix = `/git/trees/${params.ref}?recursive=1`;
  checkInput(githubRefSchema, params.ref, `${upstream.config.githubApiUrl}/repos/${params.owner}/${params.repo}${suffix}`);
  const wire = await getRepoJson(upstream, params, suffix, treeWireSchema);
  return {
    paths: wire.tree.filter((entry) => entry.type === "blob").map((entry) => entry.path),
    truncated: wire.truncated,
  };
}
