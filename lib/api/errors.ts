import { NextResponse } from "next/server";
import type { AuditError } from "@/lib/audit/outcome";
import { isStorageUnavailable, STORAGE_RETRY_SECONDS } from "@/lib/db/health";

/** Every error a page or the API can answer with; the status lives here and nowhere else. */
export const ERROR_STATUS = {
  bad_input: 400,
  invalid_yaml: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  gated: 403,
  cross_site: 403,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  upstream_unavailable: 503,
  storage_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error meant for the client: its message is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { retryAfterSeconds?: number; details?: unknown } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// Next bundles route handlers and pages apart, so one class can exist twice in a process: match by name too (as ky does)
export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError ||
    (error instanceof Error && error.name === "ApiError" && "code" in error && typeof error.code === "string" && error.code in ERROR_STATUS)
  );
}

/** The one conversion from an audit that could not start to what the client is told. */
export function apiErrorFromAudit(error: AuditError): ApiError {
  return new ApiError(
    error.code satisfies ErrorCode,
    error.message,
    error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds },
  );
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Maps any thrown value to `{ error: { code, message } }`; unknown errors are logged and never echoed. */
export function toErrorResponse(error: unknown): NextResponse<ErrorBody> {
  if (isStorageUnavailable(error)) {
    return toErrorResponse(
      new ApiError("storage_unavailable", "The database is unreachable; try again shortly.", { retryAfterSeconds: STORAGE_RETRY_SECONDS }),
    );
  }
  if (!isApiError(error)) {
    console.error("unhandled API error", error);
    return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side; try again." } }, { status: 500 });
  }
  const headers = new Headers({ "cache-control": "no-store" });
  if (error.extra.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(Math.max(1, Math.ceil(error.extra.retryAfterSeconds))));
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.extra.details !== undefined) {
    body.error.details = error.extra.details;
  }
  return NextResponse.json(body, { status: ERROR_STATUS[error.code], headers });
}
