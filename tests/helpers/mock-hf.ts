import { createHash } from "node:crypto";
import { decodeSegments, isAuthorised, json, type MockContext, type MockReply, readFixture, readJsonFixture } from "./mock-files";

type Payload = Record<string, unknown>;
const isPayload = (v: unknown): v is Payload => typeof v === "object" && v !== null && !Array.isArray(v);

// anonymous callers cannot tell "missing" from "private": the hub answers 401 (hub-apis §0.4)
function repoNotFound(ctx: MockContext): MockReply {
  return isAuthorised(ctx)
    ? json(404, { error: "Repository not found" }, { "x-error-code": "RepoNotFound" })
    : json(401, { error: "Invalid username or password." });
}

type Redirects = Record<"models" | "datasets", Record<string, string>>;

// a moved repository (legacy one-segment id, renamed or transferred) answers 307 to its current name, API and web paths alike
async function movedRepo(ctx: MockContext, segments: string[]): Promise<MockReply | null> {
  const api = segments[0] === "api" ? 1 : 0;
  const kind = segments[api] === "datasets" ? "datasets" : segments[api] === "models" || api === 0 ? "models" : null;
  if (kind === null) {
    return null;
  }
  const at = api + (api === 1 || kind === "datasets" ? 1 : 0);
  const table = (await readJsonFixture(ctx, "hf", "redirects.json")) as Redirects | null;
  const moves = table?.[kind] ?? {};
  // a namespaced id is tried before a legacy one-segment id, and a repository that exists is never redirected
  // (the legacy `bookcorpus` moved to `bookcorpus/bookcorpus`, whose namespace is the old name)
  const [first = "", second = ""] = segments.slice(at, at + 2);
  if ((await readJsonFixture(ctx, "hf", "api", kind, first, `${second}.json`)) !== null) {
    return null;
  }
  for (const length of [2, 1]) {
    const id = segments.slice(at, at + length).join("/");
    const target = Object.hasOwn(moves, id) ? moves[id] : undefined;
    if (target !== undefined && segments.length >= at + length) {
      const path = [...segments.slice(0, at), ...target.split("/"), ...segments.slice(at + length)].map(encodeURIComponent).join("/");
      const location = `/${path}${ctx.url.search}`;
      return { status: 307, headers: { location, "content-type": "text/plain; charset=utf-8" }, body: `Temporary Redirect. Redirecting to ${location}` };
    }
  }
  return null;
}

/** Serves the Hub API and raw/resolve files from tests/fixtures/hf. */
export async function handleHf(ctx: MockContext): Promise<MockReply | null> {
  const segments = decodeSegments(ctx.url.pathname);
  if (segments === null) {
    return null;
  }
  const moved = await movedRepo(ctx, segments);
  if (moved) {
    return moved;
  }
  if (segments[0] === "api" && segments[1] === "models" && segments.length === 2) {
    return ctx.synthetic?.list(ctx.url.searchParams, ctx.url) ?? json(200, []);
  }
  if (segments[0] === "api" && segments[1] === "models" && ctx.synthetic) {
    const generated = ctx.synthetic.api(`${segments[2]}/${segments[3]}`, segments[4]);
    if (generated) {
      return generated;
    }
  }
  if (segments[0] === "api" && (segments[1] === "models" || segments[1] === "datasets")) {
    return handleApi(ctx, segments[1], segments.slice(2));
  }
  if (segments[0] === "api" && segments[1] === "papers" && segments.length === 3) {
    const paper = await readJsonFixture(ctx, "hf", "api", "papers", `${segments[2]}.json`);
    return paper === null ? json(404, { error: "Paper not found" }) : json(200, paper);
  }
  const [kind, rest] = segments[0] === "datasets" ? (["datasets", segments.slice(1)] as const) : (["models", segments] as const);
  const [org, name, route, rev, ...path] = rest;
  if (org && name && rev && path.length > 0 && (route === "raw" || route === "resolve")) {
    const generated = kind === "models" ? ctx.synthetic?.file(`${org}/${name}`, path.join("/")) : null;
    if (generated) {
      return generated;
    }
    return handleFile(ctx, kind, `${org}/${name}`, path.join("/"));
  }
  return null;
}

async function handleApi(ctx: MockContext, kind: string, rest: string[]): Promise<MockReply> {
  const [org, name, route, ...tail] = rest;
  if (!org || !name) {
    return json(404, { error: "Sorry, we can't find the page you are looking for." });
  }
  const info = await readJsonFixture(ctx, "hf", "api", kind, org, `${name}.json`);
  if (!isPayload(info)) {
    return repoNotFound(ctx);
  }
  if (route === undefined || route === "revision") {
    return json(200, expand(info, ctx.url.searchParams));
  }
  if (route === "refs") {
    const refs = await readJsonFixture(ctx, "hf", "api", kind, org, name, "refs.json");
    const sha = typeof info.sha === "string" ? info.sha : "0".repeat(40);
    return json(200, refs ?? { branches: [{ name: "main", ref: "refs/heads/main", targetCommit: sha }], tags: [], converts: [] });
  }
  if (route === "tree" && tail.length > 0) {
    return handleTree(ctx, kind, `${org}/${name}`, tail);
  }
  return json(404, { error: "Sorry, we can't find the page you are looking for." });
}

// with any expand the hub returns only the requested keys plus _id and id (hub-apis §0.1)
function expand(info: Payload, params: URLSearchParams): Payload {
  const keys = [...params.getAll("expand"), ...params.getAll("expand[]")];
  if (keys.length === 0) {
    return info;
  }
  const picked: Payload = { _id: info._id, id: info.id };
  for (const key of keys) {
    if (key in info) {
      picked[key] = info[key];
    }
  }
  return picked;
}

async function handleTree(ctx: MockContext, kind: string, id: string, tail: string[]): Promise<MockReply> {
  const [rev = "", ...sub] = tail;
  const entries = await readJsonFixture(ctx, "hf", "api", kind, ...id.split("/"), "tree", `${rev}.json`);
  if (!Array.isArray(entries)) {
    return json(404, { error: `Invalid rev id: ${rev}` }, { "x-error-code": "RevisionNotFound" });
  }
  const prefix = sub.length > 0 ? `${sub.join("/")}/` : "";
  const recursive = ctx.url.searchParams.get("recursive") === "true";
  const visible = entries.filter((e: { path?: unknown }) => {
    const path = typeof e.path === "string" ? e.path : "";
    return path.startsWith(prefix) && (recursive || !path.slice(prefix.length).includes("/"));
  });
  const cursor = Number(ctx.url.searchParams.get("cursor") ?? "0") || 0;
  const page = visible.slice(cursor, cursor + ctx.treePageSize);
  const headers: Record<string, string> = {};
  if (cursor + ctx.treePageSize < visible.length) {
    const next = new URL(ctx.url.pathname, ctx.origin);
    for (const [key, value] of ctx.url.searchParams) {
      if (key !== "cursor") {
        next.searchParams.append(key, value);
      }
    }
    next.searchParams.set("cursor", String(cursor + ctx.treePageSize));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return json(200, page, headers);
}

async function handleFile(ctx: MockContext, kind: string, id: string, path: string): Promise<MockReply> {
  const [org = "", name = ""] = id.split("/");
  const info = await readJsonFixture(ctx, "hf", "api", kind, org, `${name}.json`);
  if (!isPayload(info)) {
    return repoNotFound(ctx);
  }
  if (info.gated !== false && info.gated !== undefined) {
    const authorised = isAuthorised(ctx);
    const message = authorised
      ? `Access to model ${id} is restricted and you are not in the authorized list.`
      : `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
    return json(authorised ? 403 : 401, { error: message }, { "x-error-code": "GatedRepo", "x-error-message": message });
  }
  const file = await readFixture(ctx, "hf", kind, org, name, path);
  if (file === null) {
    return json(404, { error: "Entry not found" }, { "x-error-code": "EntryNotFound" });
  }
  const etag = `"${createHash("sha1").update(file).digest("hex")}"`;
  if (ctx.headers.range === "bytes=0-0") {
    return { status: 206, headers: { "content-range": `bytes 0-0/${file.length}`, etag }, body: file.subarray(0, 1) };
  }
  return { status: 200, headers: { "content-type": "text/plain; charset=utf-8", etag }, body: file };
}
