import { z } from "zod";
import { evidenceSchema } from "@/lib/evidence/schema";
import { reportStatusSchema } from "@/lib/report/schema";

/** A verdict of OSAID 1.0, for the whole release or one requirement. */
export const osaidStatusSchema = z.enum(["meets", "fails", "unknown"]);

/** Why a verdict is unknown: a source failed, or the definition leaves the call to a reviewer. */
export const unknownKindSchema = z.enum(["source", "judgement"]);

/** The test a requirement applies to each licence (OSAID 1.0 checklist, "Legal frameworks" column). */
export const licenceTestSchema = z.enum(["osi-approved", "osd-conformant"]);

export const osaidRequirementSchema = z.object({
  /** Stable key, used as the page anchor (`#osaid-data-information`). */
  key: z.string(),
  name: z.string(),
  /** The element of the definition's "preferred form to make modifications" it belongs to. */
  element: z.enum(["Data Information", "Code", "Parameters"]),
  status: osaidStatusSchema,
  unknownKind: unknownKindSchema.nullable(),
  /** The MOF components it rests on, with their status and licence in this report. */
  components: z.array(z.object({ cid: z.number().int(), name: z.string(), status: reportStatusSchema, license: z.string().nullable() })),
  licenseTest: licenceTestSchema,
  evidence: z.array(evidenceSchema),
  /** In plain words: what was found and why that meets, fails or leaves the requirement open. */
  reason: z.string(),
});

export const osaidSchema = z.object({
  definition: z.object({ name: z.string(), version: z.string(), url: z.string(), checklist: z.string() }),
  verdict: osaidStatusSchema,
  /** Set when the verdict is unknown: which kinds of open question keep it so. */
  unknownKinds: z.array(unknownKindSchema),
  reason: z.string(),
  requirements: z.array(osaidRequirementSchema),
  /** Where MOF and OSAID grade this release's components differently, and why. */
  disagreements: z.array(z.object({ cid: z.number().int(), name: z.string(), text: z.string() })),
});

export type OsaidStatus = z.infer<typeof osaidStatusSchema>;
export type UnknownKind = z.infer<typeof unknownKindSchema>;
export type LicenceTest = z.infer<typeof licenceTestSchema>;
export type OsaidRequirement = z.infer<typeof osaidRequirementSchema>;
export type Osaid = z.infer<typeof osaidSchema>;
