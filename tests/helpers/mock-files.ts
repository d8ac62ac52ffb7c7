import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";

/** What a route handler answers; the server adds ETag/304 handling and writes it. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface MockContext {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  /** http://127.0.0.1:PORT, for absolute Link and Location headers. */
  origin: string;
  fixturesDir: string;
  treePageSize: number;
  /** Generated models listed and served beside the fixtures, when the test asked for them. */
  synthetic: GeneratedModels | null;
}

/** Models the mock makes up rather than reads from fixtures (tests/helpers/mock-hub-synthetic.ts). */
export interface GeneratedModels {
  list(params: URLSearchParams, url: URL): MockReply;
  /** The model's API answer, or null when it is not a generated one. */
  api(id: string, route: string | undefined): MockReply | null;
  file(id: string, path: string): MockReply | null;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): MockReply => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(value),
});

/** Reads a fixture below fixturesDir; refuses any path that would escape it. */
export async function readFixture(ctx: MockContext, ...parts: string[]): Promise<Buffer | null> {
  if (parts.some((part) => part.split("/").some((s) => s === ".." || s === "."))) {
    return null;
  }
  const root = resolve(ctx.fixturesDir);
  const file = resolve(root, ...parts);
  if (!file.startsWith(root + sep)) {
    return null;
  }
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

export async function readJsonFixture(ctx: MockContext, ...parts: string[]): Promise<unknown> {
  const raw = await readFixture(ctx, ...parts);
  return raw === null ? null : JSON.parse(raw.toString("utf8"));
}

export function isAuthorised(ctx: MockContext): boolean {
  return typeof ctx.headers.authorization === "string" && ctx.headers.authorization !== "";
}

export function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/**
 * A fixture recorded as `<name>.unavailable` stands for an upstream answer that could not be recorded truthfully
 * (for instance a paper whose licence could not be verified): the mock answers 500, so the audit reports unknown.
 */
export async function unavailableFixture(ctx: MockContext, ...parts: string[]): Promise<MockReply | null> {
  const reason = await readFixture(ctx, ...parts.slice(0, -1), `${parts.at(-1) ?? ""}.unavailable`);
  return reason === null ? null : json(500, { error: `fixture not recorded: ${reason.toString("utf8").trim()}` });
}
