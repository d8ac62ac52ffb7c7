import { z } from "zod";

/** Where a piece of evidence was found. */
export const evidenceSourceSchema = z.enum(["hf", "hf-dataset", "github", "arxiv", "local", "mot", "yaml"]);

/** Where mofscope looked for a component and what would fix it, in words a producer can act on. */
export const nextStepSchema = z.object({ looked: z.string(), fix: z.string() });

export type NextStep = z.infer<typeof nextStepSchema>;

export const evidenceSchema = z.object({
  source: evidenceSourceSchema,
  /** A link a reader can open to check the claim (file, card field anchor, repository, paper). */
  url: z.string(),
  /** What was found there, in a few words ("config.json with architectures", "branch step1000"). */
  what: z.string(),
});

/** One licence that applies to a component, with where it was read. */
export const licenseFindingSchema = z.object({
  /** SPDX id when known, else the text as written (e.g. `LicenseRef-hf-llama2`). */
  id: z.string(),
  source: evidenceSourceSchema,
  /** Where the licence was read: card field, dataset card, GitHub licence API, arXiv record. */
  from: z.string(),
  url: z.string(),
  open: z.boolean(),
  typeAppropriate: z.boolean(),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type LicenseFinding = z.infer<typeof licenseFindingSchema>;

/** What the audit learnt about one component beyond the record: links, licences, and sources that failed. */
export interface ComponentFindings {
  evidence: Evidence[];
  licenses: LicenseFinding[];
  unknownBecause: string[];
  /** What was seen that does not count as the component, so a reader can check it. */
  notes: Evidence[];
  /** Where mofscope looked and what would fix a component that is missing, unlicensed or not openly licensed. */
  nextStep: NextStep | null;
}
