import { z } from "zod";
import { fetchFailureKinds } from "@/lib/evidence/facts";
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
  kind: z.enum(fetchFailureKinds),
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

/** A passage of the model card, in plain text, with a link to it. */
const cardPassageSchema = z.object({ text: z.string(), url: z.string() });

/** What the model card and Hub metadata say beyond the MOF components; the AI-BOMs are written from it. */
export const modelInfoSchema = z.object({
  /** The Hub's pipeline tag, e.g. `text-generation`. */
  task: z.string().nullable(),
  libraryName: z.string().nullable(),
  /** `config.json` architectures (`MistralForCausalLM`) and model type (`mistral`). */
  architectures: z.array(z.string()),
  modelType: z.string().nullable(),
  languages: z.array(z.string()),
  /** Models this one derives from (`base_model`). */
  baseModels: z.array(z.string()),
  createdAt: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** The first paragraph of the card. */
  summary: z.string().nullable(),
  /** Datasets the card names, with their licences as the dataset cards state them (empty when unread). */
  datasets: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      role: z.enum(["training", "evaluation"]),
      licenses: z.array(z.string()),
      /** False when the Hub did not answer for the dataset. */
      reachable: z.boolean(),
    }),
  ),
  /** Figures from `model-index` or the card's results table: what was measured, its value, and on what. */
  metrics: z.array(z.object({ type: z.string(), value: z.string(), slice: z.string().nullable() })),
  /** Card sections by the question they answer; null when the card has none (or could not be read). */
  sections: z.object({
    intendedUse: cardPassageSchema.nullable(),
    limitations: cardPassageSchema.nullable(),
    ethics: cardPassageSchema.nullable(),
    environment: cardPassageSchema.nullable(),
    training: cardPassageSchema.nullable(),
    preprocessing: cardPassageSchema.nullable(),
  }),
  /** `co2_eq_emissions` of the card data, as written. */
  emissions: z.string().nullable(),
});

export const reportSchema = z.object({
  /** Snapshot id: stable, shareable, immutable (`/r/{id}`). */
  id: z.string(),
  /** What the user asked for (URL, id or file name). */
  input: z.string(),
  model: z.object({
    /**
     * `hf` and `github` are audited; `local` is a release folder audited before it is published (CLI only, never
     * stored); `mot` is a record self-reported to MOT; `yaml` a record someone classified.
     */
    source: z.enum(["hf", "github", "local", "mot", "yaml"]),
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
  /** Card facts for the AI-BOMs; absent from records and from snapshots taken before it was kept. */
  modelInfo: modelInfoSchema.optional(),
});

export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ReportComponent = z.infer<typeof reportComponentSchema>;
export type Failure = z.infer<typeof failureSchema>;
export type DerivedFrom = z.infer<typeof derivedFromSchema>;
export type Report = z.infer<typeof reportSchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
