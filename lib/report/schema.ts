import { z } from "zod";
import { evidenceSchema, licenseFindingSchema, nextStepSchema } from "@/lib/evidence/schema";
import { mofRecordSchema } from "@/lib/mof";

export type { Evidence, LicenseFinding } from "@/lib/evidence/schema";

export const reportStatusSchema = z.enum(["included", "missing", "unlicensed", "invalid", "optional", "unknown"]);

export const reportComponentSchema = z.object({
  cid: z.number().int(),
  name: z.string(),
  type: z.enum(["code", "data", "document"]),
  class: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  required: z.boolean(),
  status: reportStatusSchema,
  /** The licence the MOF engine resolved; null when not found or unknown. */
  license: z.string().nullable(),
  licenses: z.array(licenseFindingSchema),
  evidence: z.array(evidenceSchema),
  /** Set when another component fills this slot (the paper for the technical report). */
  substitutedBy: z.number().int().nullable(),
  /** Why the component is unknown: the failed sources it needed. */
  unknownBecause: z.array(z.string()),
  /** What was seen that does not count as the component (results shown only as an image). */
  notes: z.array(evidenceSchema).default([]),
  /** For a component missing, unlicensed or not openly licensed: where mofscope looked, and what would fix it. */
  nextStep: nextStepSchema.nullable().default(null),
});

export const failureSchema = z.object({
  source: z.enum(["hf", "github", "arxiv"]),
  kind: z.enum(["not_found", "gated", "rate_limited", "upstream_error", "timeout", "invalid_response"]),
  url: z.string(),
  message: z.string(),
});

export const warningSchema = z.object({ code: z.string(), path: z.string(), message: z.string(), cid: z.number().optional() });

/** The base model a derivative (quantised, adapter, merge, fine-tune) names, and what only the base publishes. */
export const derivedFromSchema = z.object({
  kind: z.enum(["quantized", "adapter", "merge", "finetune"]),
  /** Hub id of the base model the report links (audited on demand). */
  base: z.string(),
  baseUrl: z.string(),
  /** Where the base was read: card `base_model`, the Hub's tags, `adapter_config.json`. */
  from: z.string(),
  /** Components this repository lacks that the base publishes; null when the base could not be audited. */
  onlyInBase: z.array(z.string()).nullable(),
});

export const progressSchema = z.object({ "1": z.number(), "2": z.number(), "3": z.number() });

export const reportSchema = z.object({
  /** Snapshot id: stable, shareable, immutable (`/r/{id}`). */
  id: z.string(),
  /** What the user asked for (URL, id or file name). */
  input: z.string(),
  model: z.object({
    /** `hf` and `github` are audited; `mot` is a record self-reported to MOT; `yaml` a record someone classified. */
    source: z.enum(["hf", "github", "mot", "yaml"]),
    id: z.string(),
    revision: z.string().nullable(),
    /** The commit the audit read, when the upstream gave one. */
    sha: z.string().nullable(),
    url: z.string().nullable(),
  }),
  fetchedAt: z.string(),
  class: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  label: z.string(),
  progress: progressSchema,
  /** True when a source failed: components that needed it are `unknown` and the class may rise once it answers. */
  provisional: z.boolean(),
  gated: z.boolean(),
  components: z.array(reportComponentSchema).length(17),
  next: z
    .object({
      class: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      items: z.array(
        z.object({
          cid: z.number(),
          name: z.string(),
          status: z.string(),
          license: z.string().nullable(),
          /** The component's next step, when the audit could say one. */
          fix: z.string().nullable().default(null),
        }),
      ),
    })
    .nullable(),
  warnings: z.array(warningSchema),
  failures: z.array(failureSchema),
  /** Set when the repository derives from a base model it names. */
  derivedFrom: derivedFromSchema.nullable().default(null),
  /** Upstream requests this audit made (0 when every answer came from the cache). */
  requests: z.number().int(),
  /** The MOF release record the verdict was computed from (exportable as MOT YAML). */
  record: mofRecordSchema,
});

export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ReportComponent = z.infer<typeof reportComponentSchema>;
export type Failure = z.infer<typeof failureSchema>;
export type DerivedFrom = z.infer<typeof derivedFromSchema>;
export type Report = z.infer<typeof reportSchema>;
