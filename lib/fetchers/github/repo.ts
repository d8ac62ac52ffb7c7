import type { GithubRepo } from "@/lib/evidence/upstream-facts";
import type { Upstream } from "../upstream";
import { type GithubRepoParams, getRepoJson } from "./request";
import { repoWireSchema } from "./schemas";

/** Repository metadata and detected licence; a renamed repo is followed (301 to /repositories/{id}). */
export async function getRepo(upstream: Upstream, params: GithubRepoParams): Promise<GithubRepo> {
  const wire = await getRepoJson(upstream, params, "", repoWireSchema);
  return {
    fullName: wire.full_name,
    htmlUrl: wire.html_url,
    defaultBranch: wire.default_branch,
    description: wire.description,
    archived: wire.archived,
    fork: wire.fork,
    topics: wire.topics,
    license: wire.license ? { key: wire.license.key, spdxId: wire.license.spdx_id, name: wire.license.name } : null,
  };
}
