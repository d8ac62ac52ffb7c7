import type { IncomingMessage, ServerResponse } from "node:http";
import type { MockReply } from "./mock-files";

/** One injected misbehaviour; the first active rule whose path matches applies. */
export interface FaultRule {
  /** A prefix of the request path (query included) or a RegExp tested against it. */
  path: string | RegExp;
  method?: string;
  status?: number;
  retryAfter?: string | number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Holds the answer until this promise settles (a test opens the gate when it has seen what it waits for). */
  hold?: Promise<unknown>;
  malformedJson?: boolean;
  truncateBody?: boolean;
  resetConnection?: boolean;
  htmlErrorPage?: boolean;
  redirect?: string;
  hugeBody?: number;
  /** Answers with a GitHub git tree of this many files (a repository far larger than any real release). */
  treeFiles?: number;
  /** Applies this many times, then the request passes through; unlimited when absent. */
  times?: number;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export interface FaultBook {
  set(rules: FaultRule[]): void;
  /** Finds and consumes the rule for this request, if any. */
  take(method: string, path: string): FaultRule | null;
}

export function createFaultBook(initial: FaultRule[] = []): FaultBook {
  let active: ActiveRule[] = [];
  const set = (rules: FaultRule[]) => {
    active = rules.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  };
  set(initial);
  return {
    set,
    take(method, path) {
      const hit = active.find(({ rule, remaining }) => {
        if (remaining <= 0 || (rule.method && rule.method.toUpperCase() !== method)) {
          return false;
        }
        return typeof rule.path === "string" ? path.startsWith(rule.path) : rule.path.test(path);
      });
      if (!hit) {
        return null;
      }
      hit.remaining--;
      return hit.rule;
    },
  };
}

/** Replies a rule fully decides, or null when it only delays or truncates the normal reply. */
export function faultReply(rule: FaultRule): MockReply | null {
  const retry: Record<string, string> = rule.retryAfter === undefined ? {} : { "retry-after": String(rule.retryAfter) };
  if (rule.redirect !== undefined) {
    return { status: rule.status ?? 302, headers: { location: rule.redirect, ...rule.headers }, body: "" };
  }
  if (rule.htmlErrorPage) {
    const body = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    return { status: rule.status ?? 502, headers: { "content-type": "text/html", ...retry, ...rule.headers }, body };
  }
  if (rule.treeFiles !== undefined) {
    return { status: 200, headers: { "content-type": "application/json" }, body: hugeTree(rule.treeFiles) };
  }
  if (rule.malformedJson) {
    return { status: 200, headers: { "content-type": "application/json", ...rule.headers }, body: '{"_id":"x","id": [' };
  }
  if (rule.status !== undefined) {
    const body = rule.body ?? JSON.stringify({ error: `injected ${rule.status}` });
    return { status: rule.status, headers: { "content-type": "application/json", ...retry, ...rule.headers }, body };
  }
  return null;
}

const trees = new Map<number, string>();

// built once per size: generating 100,000 entries on every request would make the mock, not the client, the slow part
function hugeTree(files: number): string {
  let body = trees.get(files);
  if (body === undefined) {
    const tree = Array.from({ length: files }, (_, i) => ({ path: `data/shard_${i}.txt`, mode: "100644", type: "blob", sha: "a".repeat(40), size: 10 }));
    body = JSON.stringify({ sha: "f".repeat(40), url: "", truncated: false, tree });
    trees.set(files, body);
  }
  return body;
}

/** Streams `bytes` of a JSON array without a content-length, so only a streaming cap can stop it. */
export function writeHugeBody(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, "0,");
  let sent = 0;
  const pump = () => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        return void res.once("drain", pump);
      }
    }
    res.end("0]");
  };
  res.write("[");
  res.on("error", () => undefined);
  pump();
}

/** Sends headers promising the full body, half of it, then drops the socket. */
export function writeTruncated(req: IncomingMessage, res: ServerResponse, reply: MockReply): void {
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
}
