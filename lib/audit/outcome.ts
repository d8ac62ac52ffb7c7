import type { FetchFailureKind, SourceFailure } from "@/lib/evidence/facts";
import type { Report } from "@/lib/report/schema";

/** Why an audit could not start; each code's HTTP status lives in lib/api's one table, for pages and API alike. */
export type AuditErrorCode = "bad_input" | "not_found" | "gated" | "rate_limited" | "upstream_error" | "upstream_unavailable";

export interface AuditError {
  readonly code: AuditErrorCode;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

/** The codes a failed first request (the model or repository itself) can give. */
export type FirstRequestCode = Exclude<AuditErrorCode, "bad_input">;

export interface FirstRequestError extends AuditError {
  readonly code: FirstRequestCode;
}

export type AuditOutcome = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly error: AuditError };

const BY_KIND: Record<FetchFailureKind, FirstRequestCode> = {
  not_found: "not_found",
  gated: "gated",
  rate_limited: "rate_limited",
  timeout: "upstream_unavailable",
  upstream_error: "upstream_error",
  invalid_response: "upstream_error",
};

/** Why the first request failed, said from the code, the target and the wait alone, so a status page can say it again from those. */
export function firstRequestMessage(code: FirstRequestCode, what: string, retryAfterSeconds?: number): string {
  const messages: Record<FirstRequestCode, string> = {
    not_found: `${what} was not found: it may be misspelt, private or deleted.`,
    gated: `${what} is gated and its metadata cannot be read without access.`,
    rate_limited: `The upstream is rate-limiting requests; try again${retryAfterSeconds ? ` in ${retryAfterSeconds} s` : " later"}.`,
    upstream_error: `The upstream did not answer properly for ${what}; try again later.`,
    upstream_unavailable: `The upstream did not answer in time for ${what}; try again later.`,
  };
  return messages[code];
}

/** How messages name the model: the Hugging Face model or the GitHub repository `id`. */
export function describeTarget(target: { source: "hf" | "github"; id: string }): string {
  return target.source === "hf" ? `The Hugging Face model ${target.id}` : `The GitHub repository ${target.id}`;
}

/** The audit cannot start when the first request (the model or repository itself) fails. */
export function firstRequestFailed(failure: SourceFailure, what: string): { readonly ok: false; readonly error: FirstRequestError } {
  const retryAfterSeconds = failure.retryAfterSeconds;
  const code = BY_KIND[failure.kind];
  return { ok: false, error: { code, message: firstRequestMessage(code, what, retryAfterSeconds), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } };
}

export function badInput(message: string): AuditOutcome {
  return { ok: false, error: { code: "bad_input", message } };
}
