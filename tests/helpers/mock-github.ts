import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { decodeSegments, json, type MockContext, type MockReply, readFixture, readJsonFixture, unavailableFixture } from "./mock-files";

export const githubPrefix = "/github";

const notFound = (doc: string) => json(404, { message: "Not Found", documentation_url: `https://docs.github.com/rest/${doc}`, status: "404" });

// every real response carries the primary rate-limit headers; tests read them, clients may too
function withRateHeaders(reply: MockReply): MockReply {
  const reset = String(Math.floor(Date.now() / 1000) + 3600);
  return {
    ...reply,
    headers: {
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": "59",
      "x-ratelimit-used": "1",
      "x-ratelimit-reset": reset,
      "x-ratelimit-resource": "core",
      ...reply.headers,
    },
  };
}

/** Serves GitHub REST paths under /github from tests/fixtures/github. */
export async function handleGithub(ctx: MockContext): Promise<MockReply | null> {
  const segments = decodeSegments(ctx.url.pathname.slice(githubPrefix.length));
  if (segments === null) {
    return null;
  }
  const reply = await route(ctx, segments);
  return reply === null ? null : withRateHeaders(reply);
}

async function route(ctx: MockContext, segments: string[]): Promise<MockReply | null> {
  if (segments[0] === "repositories" && segments.length >= 2) {
    // the API serves every route of a repository under its id too: where a rename's redirect lands
    const named = await nameOfId(ctx, segments[1] ?? "");
    return named === null ? notFound("repos/repos#get-a-repository") : route(ctx, ["repos", ...named, ...segments.slice(2)]);
  }
  const [repos, owner, repo, ...rest] = segments;
  if (repos !== "repos" || !owner || !repo) {
    return null;
  }
  const unavailable = await unavailableFixture(ctx, "github", "repos", owner, repo);
  if (unavailable) {
    return unavailable;
  }
  const data = await readJsonFixture(ctx, "github", "repos", owner, `${repo}.json`);
  // a renamed repository redirects every route, not only its metadata
  const moved = movedTo(data, rest, ctx.url.search);
  if (moved) {
    return moved;
  }
  if (rest.length === 0) {
    return data === null ? notFound("repos/repos#get-a-repository") : json(200, data);
  }
  if (rest.length === 1 && rest[0] === "readme") {
    const readme = await readFixture(ctx, "github", "repos", owner, repo, "README.md");
    if (readme === null) {
      return notFound("repos/contents#get-a-repository-readme");
    }
    // the API wraps base64 at 60 columns, like git
    const content = readme.toString("base64").replace(/.{60}/g, "$&\n");
    return json(200, { type: "file", encoding: "base64", size: readme.length, name: "README.md", path: "README.md", content });
  }
  if (rest[0] === "git" && rest[1] === "trees" && rest.length >= 3) {
    const ref = await resolveRef(ctx, owner, repo, rest.slice(2).join("/"));
    const tree = await readJsonFixture(ctx, "github", "repos", owner, repo, "git", "trees", `${ref}.json`);
    return tree === null ? notFound("git/trees#get-a-tree") : json(200, tree);
  }
  if (rest[0] === "git" && rest[1] === "blobs" && rest.length === 3) {
    return blob(ctx, owner, repo, rest[2] ?? "");
  }
  if (rest[0] === "branches" && rest.length === 2) {
    const branch = await readJsonFixture(ctx, "github", "repos", owner, repo, "branches", `${rest[1] ?? ""}.json`);
    return branch === null ? notFound("branches/branches#get-a-branch") : json(200, branch);
  }
  return notFound("");
}

// blobs are recorded as raw files named by their sha; the API answers with base64 wrapped at 60 columns
async function blob(ctx: MockContext, owner: string, repo: string, sha: string): Promise<MockReply> {
  const content = /^[0-9a-f]{40}$/.test(sha) ? await readFixture(ctx, "github", "repos", owner, repo, "git", "blobs", sha) : null;
  if (content === null) {
    return notFound("git/blobs#get-a-blob");
  }
  return json(200, { sha, node_id: "", size: content.length, url: "", content: content.toString("base64").replace(/.{60}/g, "$&\n"), encoding: "base64" });
}

// GitHub resolves HEAD to the default branch; fixtures are recorded under the branch name
async function resolveRef(ctx: MockContext, owner: string, repo: string, ref: string): Promise<string> {
  if (ref !== "HEAD") {
    return ref;
  }
  const data = await readJsonFixture(ctx, "github", "repos", owner, `${repo}.json`);
  const branch = typeof data === "object" && data !== null && "default_branch" in data ? data.default_branch : undefined;
  return typeof branch === "string" ? branch : ref;
}

// a fixture recorded as GitHub's 301 body redirects like the real API (relative to this mock's prefix)
function movedTo(data: unknown, rest: string[], search: string): MockReply | null {
  if (typeof data !== "object" || data === null || !("message" in data) || data.message !== "Moved Permanently") {
    return null;
  }
  const target = "url" in data && typeof data.url === "string" ? /\/repositories\/(\d+)$/.exec(data.url)?.[1] : undefined;
  if (!target) {
    return null;
  }
  const suffix = rest.map(encodeURIComponent).join("/");
  return json(301, data, { location: `${githubPrefix}/repositories/${target}${suffix ? `/${suffix}` : ""}${search}` });
}

async function nameOfId(ctx: MockContext, id: string): Promise<[string, string] | null> {
  const root = join(ctx.fixturesDir, "github", "repos");
  const owners = await readdir(root).catch(() => [] as string[]);
  for (const owner of owners) {
    const files = await readdir(join(root, owner)).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".json"))) {
      const data = await readJsonFixture(ctx, "github", "repos", owner, file);
      if (typeof data === "object" && data !== null && "id" in data && String(data.id) === id) {
        return [owner, file.slice(0, -".json".length)];
      }
    }
  }
  return null;
}
