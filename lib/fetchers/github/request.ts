import type { z } from "zod";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { githubOwnerSchema, githubRepoNameSchema } from "./schemas";

const githubHeaders = {
  accept: "application/vnd.github+json",
  "x-github-api-version": "2022-11-28",
};

export interface GithubRepoParams {
  owner: string;
  repo: string;
}

/** GETs `/repos/{owner}/{repo}{suffix}` with GitHub's headers, after validating the names that go in the path. */
export function getRepoJson<S extends z.ZodType>(upstream: Upstream, params: GithubRepoParams, suffix: string, schema: S): Promise<z.output<S>> {
  const url = `${upstream.config.githubApiUrl}/repos/${params.owner}/${params.repo}${suffix}`;
  checkInput(githubOwnerSchema, params.owner, url);
  checkInput(githubRepoNameSchema, params.repo, url);
  return upstream.http.getJson(url, schema, { headers: githubHeaders });
}
