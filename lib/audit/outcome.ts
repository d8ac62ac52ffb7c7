import type { FetchFailureKind } from "@/lib/fetchers/errors";
import type { Report } from "@/lib/report/schema";
import type { SourceFailure } from "@/lib/evidence/facts";

export type AuditErrorCode = "bad_input" | "not_found" | "gated" | "rate_limited" | "upstream_unavailable";

export interface AuditError {
  readonly code: AuditErrorCode;
  readonly message: string;
  readonly status: 400 | 404 | 429 | 502 | 503;
  readonly retryAfterSeconds?: number;
}

export type AuditOutcome = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly error: AuditError };

const BY_KIND: Record<FetchFailureKind, Pick<AuditError, "code" | "status">> = {
  not_found: { code: "not_found", status: 404 },
  gated: { code: "gated", status: 404 },
  rate_limited: { code: "rate_limited", status: 429 },
  timeout: { code: "upstream_unavailable", status: 503 },
  upstream_error: { code: "upstream_unavailable", status: 502 },
  invalid_response: { code: "upstream_unavailable", status: 502 },
};

/** The audit cannot start when the first request (the model or repository itself) fails. */
export function firstRequestFailed(failure: SourceFailure, what: string): AuditOutcome {
  const retryAfterSeconds = failure.retryAfterSeconds;
  const mapped = BY_KIND[failure.kind];
  const messages: Record<AuditErrorCode, string> = {
    not_found: `${what} was not found: it may be misspelt, private or deleted.`,
    gated: `${what} is gated and its metadata cannot be read without access.`,
    rate_limited: `The upstream is rate-limiting requests; try again${retryAfterSeconds ? ` in ${retryAfterSeconds} s` : " later"}.`,
    upstream_unavailable: `The upstream did not answer properly for ${what} (${failure.kind.replace("_", " ")}); try again later.`,
    bad_input: failure.message,
  };
  return { ok: false, error: { ...mapped, message: messages[mapped.code], ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } };
}

export function badInput(message: string): AuditOutcome {
  return { ok: false, error: { code: "bad_input", status: 400, message } };
}
