/** Upstream answers kept for revalidation (not an RFC 9111 HTTP cache); times are epoch milliseconds. */
export interface ResponseCacheTable {
  key: string;
  status: number;
  /** JSON object of the kept headers. */
  headers: string;
  body: string;
  expires_at: number;
  stored_at: number;
}

/** Immutable report snapshots behind /r/{id}. */
export interface SnapshotsTable {
  id: string;
  /** `source:id`, lower-cased: one model however its id is spelt. */
  model_key: string;
  source: string;
  model_id: string;
  /** ISO 8601 in UTC; sorts as text. */
  created_at: string;
  class: number;
  /** 0 or 1. */
  provisional: number;
  report_json: string;
}

/** The vendored MOT records, classified, for the /models list. */
export interface RegistryRecordsTable {
  file: string;
  name: string;
  blob_sha: string;
  producer: string;
  date: string | null;
  class: number;
  progress_json: string;
  total_progress: number;
  hf_id: string | null;
  github_repo: string | null;
  /** JSON array of licence ids. */
  licenses: string;
  /** JSON object: status per component name. */
  statuses: string;
  yaml: string;
}

export interface RegistryMetaTable {
  key: string;
  value: string;
}

/** The openness index: each listed model, what its listing said, and the commit its latest indexed audit saw. */
export interface IndexModelsTable {
  /** `hf:org/name`, lower-cased, as in snapshots. */
  model_key: string;
  model_id: string;
  /** Lower-cased organisation or user. */
  author: string;
  sha: string | null;
  last_modified: string | null;
  pipeline_tag: string | null;
  downloads: number | null;
  listed_at: string;
  audited_sha: string | null;
  audited_at: string | null;
  last_error: string | null;
  /** When `sha` and `last_modified` were last learned from the Hub (a listing or a freshness check), ISO. */
  head_checked_at: string | null;
}

/** The openness index's summary of each audited model's newest snapshot, kept beside it so lists never read reports. */
export interface ModelGradesTable {
  /** `source:id`, lower-cased, as in snapshots. */
  model_key: string;
  source: string;
  model_id: string;
  /** Lower-cased organisation or user. */
  org: string;
  snapshot_id: string;
  /** The snapshot's created_at: when the model was last audited. */
  audited_at: string;
  /** The commit the audit read, when known. */
  sha: string | null;
  class: number;
  /** Openness order: 0 for no class, 1 for Class III, 2 for II, 3 for I. */
  rank: number;
  /** Percent toward the next class. */
  progress: number;
  /** 0 or 1. */
  provisional: number;
  pipeline: string | null;
  /** JSON array of licence ids, for display; filters use model_grade_facets. */
  licences: string;
}

/** What each graded model can be filtered or counted by, one row per value: its licences and its gaps. */
export interface ModelGradeFacetsTable {
  model_key: string;
  kind: "licence" | "gap";
  value: string;
}

/** One fixed-window request budget per upstream host, shared by every worker; times are epoch milliseconds. */
export interface UpstreamBudgetTable {
  host: string;
  window_started_at: number;
  used: number;
  /** What the host's own RateLimit header last said was left in this window, when it said so. */
  remaining: number | null;
  paused_until: number;
}

/** The shared rate limiter's counters, in rate-limiter-flexible's layout; `expire` is epoch milliseconds. */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: number | null;
}

/** One model's audit under way somewhere in the cluster; epoch milliseconds. */
export interface AuditClaimsTable {
  model_key: string;
  owner: string;
  claimed_at: number;
  expires_at: number;
}

/** Every table of both dialects, as the stores see them. */
export interface Schema {
  response_cache: ResponseCacheTable;
  snapshots: SnapshotsTable;
  registry_records: RegistryRecordsTable;
  registry_meta: RegistryMetaTable;
  index_models: IndexModelsTable;
  model_grades: ModelGradesTable;
  model_grade_facets: ModelGradeFacetsTable;
  upstream_budget: UpstreamBudgetTable;
  audit_claims: AuditClaimsTable;
  rate_limits: RateLimitsTable;
}
