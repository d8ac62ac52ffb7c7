import { z } from "zod";

/** GitHub owner: letters, digits, hyphens, at most 39 characters. */
export const githubOwnerSchema = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "not a GitHub owner");

/** GitHub repo name: letters, digits, `._-`, at most 100 characters; never `.` or `..`. */
export const githubRepoNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, "not a GitHub repository name")
  .refine((name) => name !== "." && name !== "..", "not a GitHub repository name");

/** A branch, tag or sha for the trees API; no `..`, nothing that ends the path. */
export const githubRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.\-/]{1,250}$/, "not a git ref")
  .refine((ref) => !ref.includes("..") && !ref.startsWith("/"), "not a git ref");

/** GET /repos/{owner}/{repo} (only the fields we use). */
export const repoWireSchema = z.object({
  full_name: z.string(),
  html_url: z.string(),
  default_branch: z.string(),
  description: z.string().nullable().default(null),
  archived: z.boolean().default(false),
  fork: z.boolean().default(false),
  topics: z.array(z.string()).default([]),
  license: z
    .object({ key: z.string(), spdx_id: z.string().nullable().default(null), name: z.string() })
    .nullable()
    .default(null),
});

/** GET /repos/{owner}/{repo}/readme: a base64 content object. */
export const readmeWireSchema = z.object({
  content: z.string(),
  encoding: z.literal("base64"),
});

/** GET /repos/{owner}/{repo}/git/trees/{ref}?recursive=1 */
export const treeWireSchema = z.object({
  tree: z.array(z.object({ path: z.string(), type: z.enum(["blob", "tree", "commit"]) })),
  truncated: z.boolean(),
});
