import { z } from "zod";

/** Hub repo id: `namespace/name` (or a legacy single segment); no `..` so it cannot climb out of a URL path. */
export const hfRepoIdSchema = z
  .string()
  .regex(/^(?:[A-Za-z0-9_.-]{1,96}\/)?[A-Za-z0-9_.-]{1,96}$/, "not a Hugging Face repo id")
  .refine((id) => !id.includes(".."), "not a Hugging Face repo id");

/** Branch, tag, commit or `refs/pr/N`; no `..`, no characters that would end the URL path. */
export const hfRevisionSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.\-/]{1,200}$/, "not a git revision")
  .refine((rev) => !rev.includes("..") && !rev.startsWith("/"), "not a git revision");

export const hfGatedSchema = z.union([z.literal(false), z.literal("auto"), z.literal("manual")]);

const cardDataSchema = z.record(z.string(), z.unknown()).nullish();

/** What `modelInfo` returns with our additionalFields: wire keys passed through, plus the library's renames. */
export const modelInfoWireSchema = z.object({
  name: z.string(),
  private: z.boolean(),
  gated: hfGatedSchema,
  task: z.string().nullish(),
  updatedAt: z.date().nullish(),
  sha: z.string().nullish(),
  library_name: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  cardData: cardDataSchema,
  config: z.object({ architectures: z.array(z.string()).nullish(), model_type: z.string().nullish() }).nullish(),
  filePaths: z.array(z.string()).nullish(),
  "model-index": z.unknown(),
  createdAt: z.string().nullish(),
});

/** What `datasetInfo` returns with our additionalFields. */
export const datasetInfoWireSchema = z.object({
  name: z.string(),
  private: z.boolean(),
  gated: hfGatedSchema,
  sha: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  cardData: cardDataSchema,
  description: z.string().nullish(),
});

const refSchema = z.object({ name: z.string(), ref: z.string().optional(), targetCommit: z.string() });

/** GET /api/models/{id}/refs */
export const refsWireSchema = z.object({
  branches: z.array(refSchema),
  tags: z.array(refSchema).default([]),
});

/** One entry of GET /api/{type}s/{id}/tree/{rev}, as yielded by listFiles. */
export const treeEntryWireSchema = z.object({
  type: z.enum(["file", "directory", "unknown"]),
  path: z.string(),
  size: z.number().nonnegative(),
});

/** One entry of `listModels` with our additionalFields (`sha`): the library renames id→name, pipeline_tag→task. */
export const listedModelWireSchema = z.object({
  name: z.string(),
  sha: z.string().nullish(),
  task: z.string().nullish(),
  downloads: z.number().nullish(),
  updatedAt: z.date().nullish(),
});
