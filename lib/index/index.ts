export { type BudgetSettings, budgetSettings, HUB_LIMITS, type HubBudget, hubBudget, parseRateLimit, WINDOW_MS } from "./budget";
export { defaultIndexWiring, type IndexWiring } from "./default-deps";
export { type IndexJob, IndexJobFailure, type JobDeps, type JobResult, runIndexJob } from "./job";
export { createRunShare, jobUpstream, modelCacheView, type RunShare } from "./job-upstream";
export { createLocalQueue, type IndexQueue, type JobSettled } from "./queue";
export { type IndexProgress, type IndexRunOptions, type IndexSummary, indexHub } from "./run";
export { type IndexSelection, listCalls, listSelection } from "./selection";
