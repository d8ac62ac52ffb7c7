import { ERROR_STATUS, type ErrorCode } from "@/lib/api/errors";
import { describeTarget, type FirstRequestCode, type FirstRequestError, firstRequestMessage } from "@/lib/audit/outcome";
import type { UrlErrorCode } from "@/lib/fetchers/url";
import { type ModelRef, modelRefFromRoute } from "@/lib/report/model-ref";
import { isRelayed, relayPage } from "./relay";

/**
 * The status pages (/bad-url, /model-unavailable, /refused) render only what the server decided: a code from a fixed
 * table, a model id that parses as one, a number. Their words come from the tables below, never from the query, and
 * they render at all only for `relayPage`; a direct visit reads as null, which the page answers with its 404.
 */
export type Query = Record<string, string | string[] | undefined>;

// a repeated parameter is not something this server writes
const one = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : undefined);

function pick<K extends string>(table: Readonly<Record<K, unknown>>, value: string | undefined): K | null {
  return value !== undefined && Object.hasOwn(table, value) ? (value as K) : null;
}

function refQuery(ref: ModelRef): Record<string, string> {
  return { model: ref.id, ...(ref.source === "github" ? { source: "github" } : {}) };
}

function readRef(query: Query): ModelRef | null {
  const [org = "", name = "", ...rest] = (one(query.model) ?? "").split("/");
  return rest.length === 0 ? modelRefFromRoute(org, name, one(query.source)) : null;
}

/** What the URL parser refused, by its code: its own message quotes the input, and a crafted link chooses the input. */
const URL_REASONS: Record<UrlErrorCode, string> = {
  invalid_input: "this is empty, longer than 2 KB or not a valid URL",
  unsupported_scheme: "only http(s) URLs are accepted",
  credentials: "URLs with a user name or password are refused; remove the credentials",
  port: "URLs with an explicit port are refused",
  ip_address: "IP addresses are refused; use huggingface.co, hf.co or github.com",
  unsupported_host: "this host is not supported; only huggingface.co, hf.co and github.com URLs are accepted",
  dataset: "this is a dataset; mofscope audits models",
  space: "this is a Space; mofscope audits models",
  paper: "this is a paper page; paste the URL of a model that cites it",
  user_page: "this is a user or organisation page, not a model; paste the URL of one of its models",
  reserved_path: "this is a site page of Hugging Face or GitHub, not a model",
  not_a_repo: "this is a home page, a listing or a gist, not one model",
  invalid_id: "this does not name a model (org/name) or a GitHub repository (owner/repo)",
};

/** The 400 page for a pasted text that names no model. */
export function badUrlPage(input: string, code: UrlErrorCode): Promise<Response> {
  return relayPage(`/bad-url?${new URLSearchParams({ code, input: input.slice(0, 300) })}`, ERROR_STATUS.bad_input);
}

export interface BadUrl {
  /** What the visitor typed, for the form field only: shown as their own input, never as the page's words. */
  input: string;
  reason: string;
}

export function readBadUrl(query: Query, headers: Pick<Headers, "get">): BadUrl | null {
  const code = pick(URL_REASONS, one(query.code));
  return code !== null && isRelayed(headers) ? { input: (one(query.input) ?? "").slice(0, 300), reason: URL_REASONS[code] } : null;
}

const FIRST_REQUEST_CODES: Record<FirstRequestCode, true> = {
  not_found: true,
  gated: true,
  rate_limited: true,
  upstream_error: true,
  upstream_unavailable: true,
};
const MAX_RETRY_SECONDS = 86_400;

/** The page of a model that cannot have a report (404, 403, 429, 502, 503), with `Retry-After` when the upstream gave one. */
export function modelUnavailablePage(ref: ModelRef, error: FirstRequestError): Promise<Response> {
  const retry = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds) : undefined;
  const query = new URLSearchParams({ code: error.code, ...refQuery(ref), ...(retry ? { retry: String(retry) } : {}) });
  return relayPage(`/model-unavailable?${query}`, ERROR_STATUS[error.code], retry ? { "retry-after": String(retry) } : {});
}

export interface ModelUnavailable {
  ref: ModelRef;
  code: FirstRequestCode;
  status: number;
  message: string;
  retryAfterSeconds: number | undefined;
}

export function readModelUnavailable(query: Query, headers: Pick<Headers, "get">): ModelUnavailable | null {
  const code = pick(FIRST_REQUEST_CODES, one(query.code));
  const ref = readRef(query);
  if (code === null || ref === null || !isRelayed(headers)) {
    return null;
  }
  const retry = Number(one(query.retry));
  const retryAfterSeconds = Number.isInteger(retry) && retry > 0 && retry <= MAX_RETRY_SECONDS ? retry : undefined;
  return { ref, code, status: ERROR_STATUS[code], message: firstRequestMessage(code, describeTarget(ref), retryAfterSeconds), retryAfterSeconds };
}

const REFUSALS = {
  malformed_path: {
    error: "bad_input",
    title: "This address is malformed",
    message: "Its path has a broken percent-escape (such as %ff), so it names no page. Check the link, or start again from the home page.",
  },
  cross_site: {
    error: "cross_site",
    title: "Refused: sent from another site",
    message: "This form was sent to mofscope from another site, so nothing was done. A re-audit runs only from the model's own page here.",
  },
} as const satisfies Record<string, { error: ErrorCode; title: string; message: string }>;

export type RefusalCode = keyof typeof REFUSALS;

/** The page for a request refused before any work: a malformed path (400) or a form posted from another site (403). */
export function refusedPage(code: RefusalCode, ref: ModelRef | null = null): Promise<Response> {
  return relayPage(`/refused?${new URLSearchParams({ code, ...(ref ? refQuery(ref) : {}) })}`, ERROR_STATUS[REFUSALS[code].error]);
}

export interface Refused {
  status: number;
  title: string;
  message: string;
  /** The model whose page the refused form came for, when there is one. */
  ref: ModelRef | null;
}

export function readRefused(query: Query, headers: Pick<Headers, "get">): Refused | null {
  const code = pick(REFUSALS, one(query.code));
  if (code === null || !isRelayed(headers)) {
    return null;
  }
  const { error, title, message } = REFUSALS[code];
  return { status: ERROR_STATUS[error], title, message, ref: readRef(query) };
}
