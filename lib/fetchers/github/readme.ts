import type { Upstream } from "../upstream";
import { type GithubRepoParams, getRepoJson } from "./request";
import { readmeWireSchema } from "./schemas";

/** The repository README as text; the API sends it base64-encoded with line breaks. */
export async function getReadme(upstream: Upstream, params: GithubRepoParams): Promise<string> {
  const wire = await getRepoJson(upstream, params, "/readme", readmeWireSchema);
  // Buffer decodes UTF-8 properly (atob would give Latin-1) and skips the embedded newlines
  return Buffer.from(wire.content, "base64").toString("utf8");
}
