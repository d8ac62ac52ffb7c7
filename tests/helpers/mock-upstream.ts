import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { arxivPrefix, handleArxiv } from "./mock-arxiv";
import { createFaultBook, type FaultRule, faultReply, writeHugeBody, writeTruncated } from "./mock-faults";
import { json, type MockContext, type MockReply } from "./mock-files";
import { githubPrefix, handleGithub } from "./mock-github";
import { handleHf } from "./mock-hf";
import { createSyntheticHub, type SyntheticHub, type SyntheticOptions } from "./mock-hub-synthetic";

export type { FaultRule } from "./mock-faults";

export interface RequestLog {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** When it arrived (epoch ms). */
  at: number;
}

export interface MockUpstreamOptions {
  fixturesDir?: string;
  latencyMs?: number;
  faults?: FaultRule[];
  port?: number;
  /** Tree API page size; the hub uses 1000. */
  treePageSize?: number;
  /** Generated models the list API serves (by author, search, pipeline), for index tests and the bench. */
  synthetic?: SyntheticOptions;
  /** Enforces a fixed-window limit on Hub API calls like the Hub: RateLimit headers on each answer, 429 past it. */
  rateLimit?: { perWindow: number; windowMs: number };
}

export interface MockUpstream {
  url: string;
  hfEndpoint: string;
  githubApiUrl: string;
  arxivApiUrl: string;
  requests: RequestLog[];
  /** The generated models, when asked for; moveCommit() changes one's sha on the list and info answers. */
  synthetic: SyntheticHub | null;
  /** How many answers the mock's own rate limit turned into 429. */
  rateLimited(): number;
  setFaults(rules: FaultRule[]): void;
  /** The most requests the mock was handling at the same moment. */
  peakInFlight(): number;
  close(): Promise<void>;
}

const defaultFixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves tests/fixtures for HF (root), GitHub (/github) and arXiv (/arxiv) on one loopback port. */
export async function startMockUpstream(options: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const faults = createFaultBook(options.faults);
  const requests: RequestLog[] = [];
  let inFlight = 0;
  let peak = 0;
  let origin = "";
  const synthetic = options.synthetic ? createSyntheticHub(options.synthetic) : null;
  const window = { startedAt: 0, used: 0, refused: 0 };

  const server = createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.on("close", () => inFlight--);
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: { ...req.headers }, at: Date.now() });
    serve(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500).end();
      } else {
        req.socket.destroy();
      }
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    if (options.latencyMs) {
      await wait(options.latencyMs);
    }
    const rule = faults.take(method, req.url ?? "/");
    if (rule?.delayMs) {
      await wait(rule.delayMs);
    }
    if (rule?.hold) {
      await rule.hold;
    }
    if (rule?.resetConnection) {
      return void req.socket.destroy();
    }
    if (rule?.hugeBody !== undefined) {
      return writeHugeBody(res, rule.hugeBody);
    }
    const limited = rateLimit(req.url ?? "/");
    if (limited.refused) {
      return send(req, res, json(429, { error: "rate limited" }, { ...limited.headers, "retry-after": String(limited.resetSeconds) }));
    }
    const injected = rule ? faultReply(rule) : null;
    const reply = injected ?? (await route(req));
    reply.headers = { ...reply.headers, ...limited.headers };
    if (rule?.truncateBody) {
      return writeTruncated(req, res, reply);
    }
    send(req, res, reply);
  }

  // the Hub's fixed window on API calls (not file downloads), with its headers
  function rateLimit(path: string): { refused: boolean; headers: Record<string, string>; resetSeconds: number } {
    const limit = options.rateLimit;
    if (!limit || !path.startsWith("/api/")) {
      return { refused: false, headers: {}, resetSeconds: 0 };
    }
    const now = Date.now();
    if (now >= window.startedAt + limit.windowMs) {
      window.startedAt = now;
      window.used = 0;
    }
    window.used++;
    const refused = window.used > limit.perWindow;
    window.refused += refused ? 1 : 0;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + limit.windowMs - now) / 1000));
    const headers = {
      ratelimit: `"api";r=${Math.max(0, limit.perWindow - window.used)};t=${resetSeconds}`,
      "ratelimit-policy": `"fixed window";"api";q=${limit.perWindow};w=${Math.round(limit.windowMs / 1000)}`,
    };
    return { refused, headers, resetSeconds };
  }

  async function route(req: IncomingMessage): Promise<MockReply> {
    const ctx: MockContext = {
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", origin),
      headers: req.headers,
      origin,
      fixturesDir: options.fixturesDir ?? defaultFixtures,
      treePageSize: options.treePageSize ?? 1000,
      synthetic,
    };
    const path = ctx.url.pathname;
    // readiness probe for scripts that start the mock (Playwright's webServer)
    if (path === "/__health") {
      return json(200, { ok: true });
    }
    const handled = path.startsWith(`${githubPrefix}/`)
      ? await handleGithub(ctx)
      : path.startsWith(`${arxivPrefix}/`)
        ? await handleArxiv(ctx)
        : await handleHf(ctx);
    return handled ?? json(404, { error: "Sorry, we can't find the page you are looking for." });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    hfEndpoint: origin,
    githubApiUrl: `${origin}${githubPrefix}`,
    arxivApiUrl: `${origin}${arxivPrefix}`,
    requests,
    synthetic,
    rateLimited: () => window.refused,
    setFaults: (rules) => faults.set(rules),
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ETags on every 200 let clients revalidate; a matching If-None-Match gets 304 like the real hosts
function send(req: IncomingMessage, res: ServerResponse, reply: MockReply): void {
  const headers = { ...reply.headers };
  if (reply.status === 200 && headers.etag === undefined) {
    headers.etag = `W/"${createHash("sha1").update(reply.body).digest("hex").slice(0, 20)}"`;
  }
  if (reply.status === 200 && req.headers["if-none-match"] === headers.etag) {
    res.writeHead(304, { etag: headers.etag }).end();
    return;
  }
  const body = req.method === "HEAD" ? "" : reply.body;
  res.writeHead(reply.status, { ...headers, "content-length": String(Buffer.byteLength(reply.body)) }).end(body);
}
