import type { FetchFailureKind } from "@/lib/evidence/facts";

const reasons: Record<FetchFailureKind, string> = {
  not_found: "not found",
  gated: "gated: access must be requested",
  rate_limited: "rate limited",
  upstream_error: "upstream error",
  timeout: "timed out",
  invalid_response: "invalid response",
  offline: "not fetched: offline audit",
};

export interface FetchFailureInit {
  kind: FetchFailureKind;
  url: string;
  status?: number;
  retryAfterSeconds?: number;
  /** Extra context appended to the message; must never contain credentials. */
  detail?: string;
  cause?: unknown;
}

/** A typed upstream failure; the audit turns it into "unknown" evidence for the source it came from. */
export class FetchFailure extends Error {
  readonly kind: FetchFailureKind;
  readonly url: string;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: FetchFailureInit) {
    const url = redactUrl(init.url);
    const what = init.status === undefined ? reasons[init.kind] : `${init.status} (${reasons[init.kind]})`;
    const detail = init.detail ? `: ${init.detail}` : "";
    super(`GET ${url} failed with ${what}${detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "FetchFailure";
    this.kind = init.kind;
    this.url = url;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

const KINDS: ReadonlySet<string> = new Set(Object.keys(reasons));

// a module loaded in two bundles has two FetchFailure classes, so match by name and kind too (as ky does)
export function isFetchFailure(e: unknown): e is FetchFailure {
  return e instanceof FetchFailure || (e instanceof Error && e.name === "FetchFailure" && "kind" in e && typeof e.kind === "string" && KINDS.has(e.kind));
}

// credentials never belong in a URL we report, but strip them in case a caller built one
function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = "";
      url.password = "";
    }
    return url.toString();
  } catch {
    return raw.slice(0, 200);
  }
}
