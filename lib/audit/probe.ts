import { getRepo } from "@/lib/fetchers/github";
import { getModelInfo } from "@/lib/fetchers/hf";
import { defaultDeps } from "./default-deps";
import { describeTarget, type FirstRequestError, firstRequestFailed } from "./outcome";
import { sourced } from "./sourced";

/**
 * Asks the upstream only whether the model (or repository) can be read at all, through the shared response cache, so
 * a page can answer 404 or 503 before it starts streaming; the audit that follows reads the answer from the cache.
 */
export async function probeModel(target: { source: "hf" | "github"; id: string }): Promise<{ ok: true } | { ok: false; error: FirstRequestError }> {
  const upstream = defaultDeps(false).upstream();
  const [owner = "", repo = ""] = target.id.split("/");
  const answer =
    target.source === "hf"
      ? await sourced("hf", `${upstream.config.hfEndpoint}/api/models/${target.id}`, () => getModelInfo(upstream, { id: target.id }))
      : await sourced("github", `${upstream.config.githubApiUrl}/repos/${target.id}`, () => getRepo(upstream, { owner, repo }));
  if (answer.ok) {
    return { ok: true };
  }
  return firstRequestFailed(answer.failure, describeTarget(target));
}
