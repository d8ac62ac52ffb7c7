import type { FetchFailureKind, SourceFailure } from "@/lib/evidence/facts";
import type { Report } from "@/lib/report/schema";

/** Why an audit could not start; each code's HTTP status lives in lib/api's one table, for pages and API alike. */
export type AuditErrorCode = "bad_input" | "not_found" | "gated" | "rate_limited" | "upstream_error" | "upstream_unavailable";

export interface AuditError {
  readonly code: AuditErrorCode;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

export type AuditOutcome = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly error: AuditError };

const BY_KIND: Record<FetchFailureKind, AuditErrorCode> = {
  not_found: "not_found",
  gated: "gated",
  rate_limited: "rate_limited",
  timeout: "upstream_unavailable",
  upstream_error: "upstream_error",
  invalid_response: "upstream_error",
  offline: "upstream_unavailable",
};

/** The audit cannot start when the first request (the model or repository itself) fails. */
export function firstRequestFailed(failure: SourceFailure, what: string): AuditOutcome {
  const retryAfterSeconds = failure.retryAfterSeconds;
  const code = BY_KIND[failure.kind];
  const messages: Record<AuditErrorCode, string> = {
    not_found: `${what} was not found: it may be misspelt, private or deleted.`,
    gated: `${what} is gated and its metadata cannot be read without access.`,
    rate_limited: `The upstream is rate-limiting requests; try again${retryAfterSeconds ? ` in ${retryAfterSeconds} s` : " later"}.`,
    upstream_error: `The upstream did not answer properly for ${what} (${failure.kind.replace("_", " ")}); try again later.`,
    upstream_unavailable: `The upstream did not answer in time for ${what}; try again later.`,
    bad_input: failure.message,
  };
  return { ok: false, error: { code, message: messages[code], ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } };
}

export function badInput(message: string): { readonly ok: false; readonly error: AuditError } {
  return { ok: false, error: { code: "bad_input", message } };
}
