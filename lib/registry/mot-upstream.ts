import { z } from "zod";
import { checkInput } from "@/lib/fetchers/check-input";
import { getRepo } from "@/lib/fetchers/github";
import { getRepoJson } from "@/lib/fetchers/github/request";
import { githubRefSchema } from "@/lib/fetchers/github/schemas";
import type { Upstream } from "@/lib/fetchers/upstream";

const shaSchema = z.string().regex(/^[0-9a-f]{40}$/);

/** GET /repos/{o}/{r}/branches/{branch} (only the head commit). */
const branchWireSchema = z.object({ name: z.string(), commit: z.object({ sha: shaSchema }) });

/** GET /repos/{o}/{r}/git/trees/{sha}?recursive=1, with the blob shas the registry compares. */
const treeWireSchema = z.object({
  sha: shaSchema,
  tree: z.array(z.object({ path: z.string(), type: z.enum(["blob", "tree", "commit"]), sha: shaSchema })),
  truncated: z.boolean(),
});

/** GET /repos/{o}/{r}/git/blobs/{sha}: the file, base64 encoded. */
const blobWireSchema = z.object({ sha: shaSchema, encoding: z.literal("base64"), content: z.string() });

export interface RepoName {
  owner: string;
  repo: string;
}

/** The default branch and its head commit: two requests. */
export async function headCommit(upstream: Upstream, name: RepoName): Promise<{ branch: string; commit: string }> {
  const { defaultBranch } = await getRepo(upstream, name);
  const url = `${upstream.config.githubApiUrl}/repos/${name.owner}/${name.repo}/branches/${defaultBranch}`;
  checkInput(githubRefSchema, defaultBranch, url);
  const wire = await getRepoJson(upstream, name, `/branches/${encodeURIComponent(defaultBranch)}`, branchWireSchema);
  return { branch: defaultBranch, commit: wire.commit.sha };
}

/** Blob sha per file path at a commit; throws when GitHub truncated the listing, since removals could not be told apart. */
export async function blobShas(upstream: Upstream, name: RepoName, commit: string): Promise<Map<string, string>> {
  const wire = await getRepoJson(upstream, name, `/git/trees/${commit}?recursive=1`, treeWireSchema);
  if (wire.truncated) {
    throw new Error(`the tree of ${name.owner}/${name.repo}@${commit} is truncated; cannot tell removed files from unlisted ones`);
  }
  return new Map(wire.tree.filter((e) => e.type === "blob").map((e) => [e.path, e.sha]));
}

/** A file's bytes by blob sha. */
export async function blobContent(upstream: Upstream, name: RepoName, sha: string): Promise<Buffer> {
  const wire = await getRepoJson(upstream, name, `/git/blobs/${sha}`, blobWireSchema);
  return Buffer.from(wire.content.replace(/\s/g, ""), "base64");
}
