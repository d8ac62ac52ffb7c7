import type { LicenceTest, OsaidRequirement } from "./schema";

/** How a requirement's MOF components add up. */
export type Combination =
  // every component must pass
  | "all"
  // a component that describes the data passes it; a paper alone leaves it to judgement (see docs/osaid.md)
  | "data-information";

export interface RequirementSpec {
  readonly key: string;
  readonly name: string;
  readonly element: OsaidRequirement["element"];
  /** MOF component ids, in the order the checklist names them. */
  readonly cids: readonly number[];
  readonly test: LicenceTest;
  readonly combine: Combination;
  /** What a component that was not found means: a failure, or a judgement where the definition asks for it only "if used". */
  readonly whenMissing: "fails" | "judgement";
}

/** Describe the training data (data card, datasets) or may describe it (the paper, the technical report). */
export const DESCRIBES_DATA: readonly number[] = [14, 15];
export const MAY_DESCRIBE_DATA: readonly number[] = [21, 11];

/**
 * OSAID 1.0's required components in MOF's terms, row by row as OSI's checklist lists them (docs/osaid.md cites
 * both). Code takes OSI-approved licences; data information and parameters take terms that conform to the OSD.
 */
export const OSAID_REQUIREMENTS: readonly RequirementSpec[] = [
  {
    key: "data-information",
    name: "Data information",
    element: "Data Information",
    cids: [...DESCRIBES_DATA, ...MAY_DESCRIBE_DATA],
    test: "osd-conformant",
    combine: "data-information",
    whenMissing: "fails",
  },
  { key: "data-processing-code", name: "Data processing code", element: "Code", cids: [16], test: "osi-approved", combine: "all", whenMissing: "fails" },
  {
    key: "training-code",
    name: "Training, validation and testing code",
    element: "Code",
    cids: [7, 18],
    test: "osi-approved",
    combine: "all",
    whenMissing: "fails",
  },
  { key: "inference-code", name: "Inference code", element: "Code", cids: [8], test: "osi-approved", combine: "all", whenMissing: "fails" },
  {
    key: "supporting-libraries",
    name: "Supporting libraries and tools",
    element: "Code",
    cids: [22],
    test: "osi-approved",
    combine: "all",
    whenMissing: "judgement",
  },
  { key: "model-architecture", name: "Model architecture", element: "Code", cids: [9], test: "osi-approved", combine: "all", whenMissing: "fails" },
  { key: "model-parameters", name: "Model parameters", element: "Parameters", cids: [10], test: "osd-conformant", combine: "all", whenMissing: "fails" },
];

export const OSAID_DEFINITION = {
  name: "Open Source AI Definition",
  version: "1.0",
  url: "https://opensource.org/ai/open-source-ai-definition",
  checklist: "https://opensource.org/ai/checklist",
} as const;
