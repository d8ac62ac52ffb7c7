import { join } from "node:path";
import { appEnv, startApp } from "./app-server";
import type { FaultRule, MockUpstream } from "./mock-upstream";

const MISTRAL = "mistralai/Mistral-7B-v0.1";
const INFO = `/api/models/${MISTRAL}/revision/`;
const REFS = `/api/models/${MISTRAL}/refs`;
const CARD = `/${MISTRAL}/raw/main/README.md`;
const ARXIV = "/arxiv/oai";
const PAPER = ["Research paper", "Technical report"];

/** Per-request timeout of the servers under test; a fault case's budget is a few of these. */
export const UPSTREAM_TIMEOUT_MS = 2_500;

type Expectation =
  | {
      /** A report (200), provisional, with these components unknown and a failure whose URL contains urlPart. */
      kind: "report";
      unknown: string[];
      included?: string[];
      failure: { urlPart: string; kind?: string; message?: RegExp };
    }
  | { kind: "error"; status: number; code: string; retryAfter?: string };

export interface ServerFaultCase {
  name: string;
  model: string;
  faults: FaultRule[];
  /** The answer must arrive within this; the request is aborted (and the case fails) past it. */
  budgetMs: number;
  expect: Expectation;
}

const report = (unknown: string[], urlPart: string, kind?: string, message?: RegExp): Expectation => ({
  kind: "report",
  unknown,
  included: ["Model parameters (Final)"],
  failure: { urlPart, ...(kind ? { kind } : {}), ...(message ? { message } : {}) },
});

/** Upstream misbehaviour an audit through GET /api/v1/audit must survive, one fresh server per case. */
export const SERVER_FAULT_CASES: ServerFaultCase[] = [
  {
    name: "arXiv never answers (timeout)",
    model: MISTRAL,
    faults: [{ path: ARXIV, delayMs: 20_000 }],
    budgetMs: 15_000,
    expect: report(PAPER, ARXIV, "timeout"),
  },
  {
    name: "arXiv 429 with Retry-After: 1",
    model: MISTRAL,
    faults: [{ path: ARXIV, status: 429, retryAfter: 1 }],
    budgetMs: 15_000,
    expect: report(PAPER, ARXIV, "rate_limited"),
  },
  {
    name: "refs 429 without Retry-After",
    model: MISTRAL,
    faults: [{ path: REFS, status: 429 }],
    budgetMs: 15_000,
    expect: report(["Model parameters (Intermediate)"], "/refs", "rate_limited"),
  },
  {
    name: "model card 500",
    model: MISTRAL,
    faults: [{ path: CARD, status: 500 }],
    budgetMs: 15_000,
    expect: report(["Model card"], "README.md", "upstream_error"),
  },
  {
    name: "refs 502",
    model: MISTRAL,
    faults: [{ path: REFS, status: 502 }],
    budgetMs: 15_000,
    expect: report(["Model parameters (Intermediate)"], "/refs", "upstream_error"),
  },
  { name: "arXiv 503", model: MISTRAL, faults: [{ path: ARXIV, status: 503 }], budgetMs: 15_000, expect: report(PAPER, ARXIV, "upstream_error") },
  {
    name: "model card connection reset",
    model: MISTRAL,
    faults: [{ path: CARD, resetConnection: true }],
    budgetMs: 15_000,
    expect: report(["Model card"], "README.md", "upstream_error"),
  },
  {
    name: "refs body truncated",
    model: MISTRAL,
    faults: [{ path: REFS, truncateBody: true }],
    budgetMs: 15_000,
    expect: report(["Model parameters (Intermediate)"], "/refs"),
  },
  {
    name: "refs malformed JSON",
    model: MISTRAL,
    faults: [{ path: REFS, malformedJson: true }],
    budgetMs: 15_000,
    expect: report(["Model parameters (Intermediate)"], "/refs", "invalid_response"),
  },
  {
    name: "refs HTML error page with 200",
    model: MISTRAL,
    faults: [{ path: REFS, htmlErrorPage: true, status: 200 }],
    budgetMs: 15_000,
    expect: report(["Model parameters (Intermediate)"], "/refs", "invalid_response"),
  },
  {
    name: "model card redirects to a host that is not an upstream",
    model: MISTRAL,
    faults: [{ path: CARD, redirect: "http://169.254.169.254/latest/meta-data/" }],
    budgetMs: 15_000,
    expect: report(["Model card"], "README.md", "upstream_error", /another origin refused/),
  },
  {
    name: "arXiv redirect loop",
    model: MISTRAL,
    faults: [{ path: ARXIV, redirect: `${ARXIV}?verb=GetRecord&identifier=oai:arXiv.org:2310.06825&metadataPrefix=arXiv` }],
    budgetMs: 15_000,
    expect: report(PAPER, ARXIV, "upstream_error", /redirect loop/),
  },
  {
    name: "50 MB model card",
    model: MISTRAL,
    faults: [{ path: CARD, hugeBody: 50 * 1024 * 1024 }],
    budgetMs: 20_000,
    expect: report(["Model card"], "README.md", "invalid_response", /exceeds/),
  },
  {
    name: "linked repository with 100,000 files",
    model: "EleutherAI/pythia-160m",
    faults: [{ path: "/github/repos/EleutherAI/gpt-neox/git/trees/", treeFiles: 100_000 }],
    budgetMs: 20_000,
    expect: report(["Training code"], "gpt-neox/git/trees", "invalid_response", /exceeds/),
  },
  {
    name: "model info 429 with Retry-After: 120",
    model: MISTRAL,
    faults: [{ path: INFO, status: 429, retryAfter: 120 }],
    budgetMs: 15_000,
    expect: { kind: "error", status: 429, code: "rate_limited", retryAfter: "120" },
  },
  {
    name: "model info 503 throughout",
    model: MISTRAL,
    faults: [{ path: INFO, status: 503 }],
    budgetMs: 15_000,
    // the upstream answered, with an error: a bad gateway, not a timeout
    expect: { kind: "error", status: 502, code: "upstream_error" },
  },
  {
    name: "model info gated",
    model: MISTRAL,
    faults: [{ path: INFO, status: 403, headers: { "x-error-code": "GatedRepo" } }],
    budgetMs: 15_000,
    expect: { kind: "error", status: 403, code: "gated" },
  },
  {
    name: "model info never answers",
    model: MISTRAL,
    faults: [{ path: INFO, delayMs: 20_000 }],
    budgetMs: 15_000,
    expect: { kind: "error", status: 503, code: "upstream_unavailable" },
  },
];

interface ReportBody {
  provisional: boolean;
  components: { name: string; status: string }[];
  failures: { url: string; kind: string; message: string }[];
}

function checkReport(body: ReportBody, want: Extract<Expectation, { kind: "report" }>): string[] {
  const problems: string[] = [];
  const status = (name: string) => body.components.find((c) => c.name === name)?.status;
  if (!body.provisional) {
    problems.push("report is not provisional");
  }
  for (const name of want.unknown) {
    if (status(name) !== "unknown") {
      problems.push(`${name} is ${status(name)}, not unknown`);
    }
  }
  for (const name of want.included ?? []) {
    if (status(name) !== "included") {
      problems.push(`${name} is ${status(name)}, not included`);
    }
  }
  const failure = body.failures.find((f) => f.url.includes(want.failure.urlPart));
  if (!failure) {
    problems.push(`no failure names ${want.failure.urlPart}: ${JSON.stringify(body.failures)}`);
  }
  if (failure && want.failure.kind && failure.kind !== want.failure.kind) {
    problems.push(`failure kind ${failure.kind}, not ${want.failure.kind}`);
  }
  if (failure && want.failure.message && !want.failure.message.test(failure.message)) {
    problems.push(`failure message "${failure.message}" lacks ${want.failure.message}`);
  }
  return problems;
}

async function timedGet(url: string, budgetMs: number): Promise<{ status: number; headers: Headers; body: unknown } | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(budgetMs) });
    const text = await response.text();
    const json = response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : text;
    return { status: response.status, headers: response.headers, body: json };
  } catch {
    return null;
  }
}

/** Runs one case on a fresh server (own port and database); returns what went wrong, empty when it passed. */
export async function runServerFaultCase(mock: MockUpstream, c: ServerFaultCase, port: number, dir: string): Promise<string[]> {
  mock.setFaults(c.faults);
  const app = await startApp(
    port,
    appEnv(mock, join(dir, `fault-${port}.sqlite`), { MOFSCOPE_UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS), MOFSCOPE_AUDIT_LIMIT: "100" }),
  );
  const problems: string[] = [];
  try {
    const got = await timedGet(`${app.url}/api/v1/audit?url=${encodeURIComponent(c.model)}`, c.budgetMs);
    if (got === null) {
      problems.push(`no answer within ${c.budgetMs} ms`);
    } else if (c.expect.kind === "report") {
      if (got.status !== 200) {
        problems.push(`status ${got.status}: ${JSON.stringify(got.body)}`);
      } else {
        problems.push(...checkReport(got.body as ReportBody, c.expect));
      }
    } else {
      const error = (got.body as { error?: { code?: string; message?: string } }).error;
      if (got.status !== c.expect.status) {
        problems.push(`status ${got.status}, not ${c.expect.status}`);
      }
      if (error?.code !== c.expect.code || typeof error.message !== "string") {
        problems.push(`error body ${JSON.stringify(got.body)}`);
      }
      if (c.expect.retryAfter !== undefined && got.headers.get("retry-after") !== c.expect.retryAfter) {
        problems.push(`retry-after ${got.headers.get("retry-after")}`);
      }
      // the model's page answers with the status the API gave: one table decides both
      const page = await timedGet(`${app.url}/models/${c.model}`, c.budgetMs);
      if (page?.status !== c.expect.status) {
        problems.push(`page status ${page?.status ?? "none"}, not ${c.expect.status}`);
      }
    }
    // the server stays up: with the faults gone, the next audit is an ordinary one
    mock.setFaults([]);
    const next = await timedGet(`${app.url}/api/v1/audit?url=LLM360/Amber`, c.budgetMs);
    if (next?.status !== 200 || !app.alive()) {
      problems.push(`next request answered ${next?.status ?? "nothing"}`);
    }
  } finally {
    mock.setFaults([]);
    await app.stop();
  }
  return problems;
}
