import type { EvidenceContext } from "../context";
import type { ComponentVerdict } from "../verdict";
import { dataCard, evaluationResults, modelCard, sampleOutputs } from "./card";
import { evaluationCode, inferenceCode, preprocessingCode, supportingLibraries, trainingCode } from "./code";
import { evaluationData, trainingDatasets } from "./datasets";
import { finalParameters, intermediateParameters, modelArchitecture, modelMetadata } from "./model-files";
import { paper } from "./papers";

export type EvidenceRule = (ctx: EvidenceContext) => ComponentVerdict;

/** One rule per MOF component, keyed by MOT's component id (docs/evidence-rules.md explains each). */
export const EVIDENCE_RULES: Readonly<Record<number, EvidenceRule>> = {
  9: modelArchitecture, // Model architecture
  10: finalParameters, // Model parameters (Final)
  24: intermediateParameters, // Model parameters (Intermediate)
  13: modelCard, // Model card
  12: evaluationResults, // Evaluation results
  14: dataCard, // Data card
  15: trainingDatasets, // Datasets
  11: paper, // Technical report
  21: paper, // Research paper
  7: trainingCode, // Training code
  16: preprocessingCode, // Data preprocessing code
  18: evaluationCode, // Evaluation code
  8: inferenceCode, // Inference code
  19: evaluationData, // Evaluation data
  22: supportingLibraries, // Supporting libraries and tools (optional)
  20: sampleOutputs, // Sample model outputs (optional)
  17: modelMetadata, // Model metadata (optional)
};
