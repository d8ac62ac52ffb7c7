import type { ModelSource } from "./model-key";

/** One stored snapshot as lists show it: which model, when, and its grade. */
export interface SnapshotSummary {
  id: string;
  source: ModelSource;
  modelId: string;
  createdAt: string;
  class: 0 | 1 | 2 | 3;
  provisional: boolean;
}
