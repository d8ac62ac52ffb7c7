import { z } from "zod";

// an RFC 3339 full-date with real month lengths and leap years: what MOT's JSON schema (`format: date`) accepts
const dateString = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

// the shape of MOT's schema/mof_schema.json; no object forbids extra keys there, so none does here
const licenseRefSchema = z.looseObject({
  name: z.string().nullable().optional(),
  path: z.string().nullable().optional(),
});

export const mofComponentEntrySchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  license: z.string().optional(),
  license_path: z.string().optional(),
  component_path: z.string().optional(),
});

export const globalLicensesSchema = z.looseObject({
  distribution: licenseRefSchema.optional(),
  code: licenseRefSchema.optional(),
  data: licenseRefSchema.optional(),
  document: licenseRefSchema.optional(),
});

export const mofReleaseSchema = z.looseObject({
  name: z.string().min(1),
  version: z.string().optional(),
  date: dateString.optional(),
  type: z.enum(["", "language", "vision", "image", "audio", "video", "3d", "code", "multimodal", "other"]).optional(),
  architecture: z
    .enum([
      "",
      "transformer",
      "transformer decoder",
      "transformer encoder-decoder",
      "decoder",
      "encoder",
      "diffusion",
      "RNN",
      "CNN",
      "LSTM",
      "NeRF",
      "hybrid",
      "undisclosed",
      "other",
    ])
    .optional(),
  treatment: z.enum(["pre-trained", "instruct fine-tuned", "chat fine-tuned"]).optional(),
  origin: z.string().optional(),
  producer: z.string(),
  contact: z.string().optional(),
  repository: z.unknown().optional(),
  huggingface: z.unknown().optional(),
  license: globalLicensesSchema,
  components: z.array(mofComponentEntrySchema).max(17),
});

export const mofRecordSchema = z.looseObject({
  framework: z.looseObject({
    name: z.literal("Model Openness Framework"),
    version: z.string(),
    date: dateString,
  }),
  release: mofReleaseSchema,
});

export type MofComponentEntry = z.infer<typeof mofComponentEntrySchema>;
export type GlobalLicenses = z.infer<typeof globalLicensesSchema>;
export type MofRelease = z.infer<typeof mofReleaseSchema>;
/** A MOF release record as MOT stores it (one `models/*.yml` file). */
export type MofRecord = z.infer<typeof mofRecordSchema>;
