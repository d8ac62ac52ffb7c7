import type { HfRefs } from "@/lib/evidence/upstream-facts";
import { checkInput } from "../check-input";
import type { Upstream } from "../upstream";
import { hfRepoIdSchema, refsWireSchema } from "./schemas";

/** Branches and tags of a model; the library has no call for this, and checkpoints often live on branches. */
export async function getModelRefs(upstream: Upstream, params: { id: string }): Promise<HfRefs> {
  const url = `${upstream.config.hfEndpoint}/api/models/${params.id}/refs`;
  checkInput(hfRepoIdSchema, params.id, url);
  const wire = await upstream.http.getJson(url, refsWireSchema);
  const toRef = ({ name, targetCommit }: { name: string; targetCommit: string }) => ({ name, targetCommit });
  return { branches: wire.branches.map(toRef), tags: wire.tags.map(toRef) };
}
