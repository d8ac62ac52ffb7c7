import { githubOwnerSchema, githubRepoNameSchema } from "./github/schemas";
import { ok, type ParsedModelUrl, refuse } from "./url-result";

// first segments that are GitHub site sections, not owners
const reserved = new Set([
  "orgs",
  "settings",
  "marketplace",
  "topics",
  "explore",
  "features",
  "sponsors",
  "login",
  "about",
  "pricing",
  "enterprise",
  "collections",
  "trending",
  "notifications",
  "issues",
  "pulls",
  "search",
  "apps",
  "new",
  "codespaces",
  "organizations",
]);

/** Interprets the path of a github.com URL as owner/repo; anything after the repo is ignored. */
export function parseGithubPath(segments: string[], display: string): ParsedModelUrl {
  const [owner, rawRepo] = segments;
  if (owner === undefined) {
    return refuse("not_a_repo", "this is the GitHub home page; paste a repository URL");
  }
  if (reserved.has(owner.toLowerCase())) {
    return refuse("reserved_path", `${display} is a GitHub site page, not a repository`);
  }
  if (rawRepo === undefined) {
    return refuse("user_page", `${display} is a GitHub user or organisation, not a repository; paste github.com/${owner}/<repo>`);
  }
  return repoTarget(owner, rawRepo, display);
}

/** owner/repo with an optional `.git`, validated against GitHub's naming rules. */
export function repoTarget(owner: string, rawRepo: string, display: string): ParsedModelUrl {
  const repo = rawRepo.replace(/\.git$/i, "");
  if (!githubOwnerSchema.safeParse(owner).success || !githubRepoNameSchema.safeParse(repo).success) {
    return refuse("invalid_id", `${display} does not name a valid GitHub repository (owner/repo)`);
  }
  return ok({ source: "github", owner, repo });
}
