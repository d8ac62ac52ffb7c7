export {
  BUDGETED_HOSTS,
  type BudgetedHostName,
  type BudgetSettings,
  budgetBases,
  budgetSettings,
  type HostSettings,
  HUB_LIMITS,
  parseGithubRateLimit,
  parseRateLimit,
  type UpstreamBudget,
  upstreamBudget,
  WINDOW_MS,
} from "./budget";
export { defaultIndexWiring, type IndexWiring } from "./default-deps";
export { type IndexJob, IndexJobFailure, type JobDeps, type JobResult, runIndexJob } from "./job";
export { createRunShare, jobUpstream, modelCacheView, type RunShare } from "./job-upstream";
export { createPgQueue, DEAD_LETTER_QUEUE, INDEX_QUEUE, type PgQueueOptions } from "./pg-queue";
export { createLocalQueue, type IndexQueue, type JobHandler, type JobOutcome, type JobSettled, settledLine } from "./queue";
export { createIndexQueue, queueIsDurable } from "./queue-factory";
export { type QueueSettings, queueSettings } from "./queue-settings";
export { type IndexProgress, type IndexRunOptions, type IndexSummary, indexHub } from "./run";
export { type IndexSelection, listCalls, listSelection, OWNER_NAME } from "./selection";
