import { FetchFailure } from "./errors";

/** What the client needs to know about a response to decide between success, retry and failure. */
export interface ResponseFacts {
  url: string;
  status: number;
  headers: Headers;
  authSent: boolean;
  /** Epoch milliseconds, for Retry-After dates and rate-limit resets. */
  now: number;
}

export type Verdict =
  | { action: "accept" }
  | { action: "retry"; waitSeconds: number | undefined; failure: FetchFailure }
  | { action: "fail"; failure: FetchFailure };

const notFoundCodes = new Set(["RepoNotFound", "EntryNotFound", "RevisionNotFound"]);

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}

// github's primary limit answers 403 (or 429) with x-ratelimit-remaining: 0 and an epoch reset
function isGithubRateLimit(facts: ResponseFacts): boolean {
  return (facts.status === 403 || facts.status === 429) && facts.headers.get("x-ratelimit-remaining") === "0";
}

function waitFor(facts: ResponseFacts): number | undefined {
  const retryAfter = parseRetryAfter(facts.headers.get("retry-after"), facts.now);
  if (retryAfter !== undefined) {
    return retryAfter;
  }
  const reset = facts.headers.get("x-ratelimit-reset");
  if (reset !== null && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) - Math.floor(facts.now / 1000));
  }
  return undefined;
}

/** Maps a response to accept / retry / fail; retries only what a later attempt can plausibly fix. */
export function judgeResponse(facts: ResponseFacts): Verdict {
  const { status, url, headers } = facts;
  if ((status >= 200 && status < 300) || status === 304) {
    return { action: "accept" };
  }

  const errorCode = headers.get("x-error-code");
  const fail = (kind: FetchFailure["kind"], retryAfterSeconds?: number): Verdict => ({
    action: "fail",
    failure: new FetchFailure({ kind, url, status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) }),
  });

  if (errorCode === "GatedRepo" && (status === 401 || status === 403)) {
    return fail("gated");
  }
  if (status === 404 || status === 410 || (errorCode !== null && notFoundCodes.has(errorCode))) {
    return fail("not_found");
  }
  // the hub answers 401 (not 404) to anonymous requests for missing or private repos
  if (status === 401 && !facts.authSent) {
    return fail("not_found");
  }

  const rateLimited = status === 429 || isGithubRateLimit(facts) || (status === 403 && headers.has("retry-after"));
  if (rateLimited) {
    const waitSeconds = waitFor(facts);
    const failure = new FetchFailure({
      kind: "rate_limited",
      url,
      status,
      ...(waitSeconds === undefined ? {} : { retryAfterSeconds: waitSeconds }),
    });
    return { action: "retry", waitSeconds, failure };
  }
  if (status === 502 || status === 503 || status === 504) {
    const waitSeconds = waitFor(facts);
    const failure = new FetchFailure({
      kind: "upstream_error",
      url,
      status,
      ...(waitSeconds === undefined ? {} : { retryAfterSeconds: waitSeconds }),
    });
    return { action: "retry", waitSeconds, failure };
  }
  return fail("upstream_error");
}

/** Exponential backoff with full jitter, in milliseconds. */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  const ceiling = baseMs * 2 ** attempt;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
