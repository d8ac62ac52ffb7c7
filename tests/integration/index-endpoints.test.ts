import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { snapshotCount } from "@/tests/helpers/databases";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

type Post = (request: Request) => Promise<Response>;
let mock: MockUpstream;
let jobsPost: Post;
let hookPost: Post;
let snapshotsOf: (id: string) => Promise<number>;

const TOKEN = "admin-token-for-tests-0123456789";
const SECRET = "webhook-secret-for-tests-9876543210";

// the route handlers in-process on the SQLite default: the server works enqueued jobs itself, with the local queue
beforeAll(async () => {
  mock = await startMockUpstream({ synthetic: { count: 12, seed: 5, orgs: 3 } });
  Object.assign(process.env, {
    MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-endpoints-")), "endpoints.sqlite"),
    MOFSCOPE_WRITE_LIMIT: "100000",
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
  });
  jobsPost = (await import("@/app/api/v1/index/jobs/route")).POST;
  hookPost = (await import("@/app/api/v1/hooks/huggingface/route")).POST;
  const { defaultDatabase } = await import("@/lib/db");
  const database = await defaultDatabase();
  snapshotsOf = (id) => snapshotCount(database, id);
});

beforeEach(() => {
  process.env.MOFSCOPE_ADMIN_TOKEN = TOKEN;
  process.env.MOFSCOPE_WEBHOOK_SECRET = SECRET;
  mock.setFaults([]);
});

afterAll(async () => {
  const { closeDefaultDatabase } = await import("@/lib/db");
  await closeDefaultDatabase();
  await mock.close();
});

const until = async (what: string, test: () => Promise<boolean>, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const jobs = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  jobsPost(new Request("http://127.0.0.1/api/v1/index/jobs", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));
const hook = (body: unknown, headers: Record<string, string> = { "x-webhook-secret": SECRET }) =>
  hookPost(
    new Request("http://127.0.0.1/api/v1/hooks/huggingface", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://huggingface.co", "sec-fetch-site": "cross-site", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const models = (org: number) => (mock.synthetic?.ids ?? []).filter((id) => id.startsWith(`synthetic-org-${org}/`));
const repoUpdate = (name: string, headSha: string | undefined, type = "model") => ({
  event: { action: "update", scope: "repo.content" },
  repo: { type, name, id: "6553b7a2d5c1e0f3a1b2c3d4", private: false, url: { web: `https://huggingface.co/${name}` }, ...(headSha ? { headSha } : {}) },
  webhook: { id: "6553b7a2d5c1e0f3a1b2c3d5", version: 3 },
});

describe("POST /api/v1/index/jobs", () => {
  it("is off (404) while MOFSCOPE_ADMIN_TOKEN is unset, whatever the request carries", async () => {
    delete process.env.MOFSCOPE_ADMIN_TOKEN;
    const response = await jobs({ author: ["synthetic-org-0"] });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain("MOFSCOPE_ADMIN_TOKEN is not set");
  });

  it("answers 401 without a bearer token and 403 with another token, enqueuing nothing", async () => {
    const before = mock.requests.length;
    const missing = await jobs({ author: ["synthetic-org-0"] }, {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await jobs({ author: ["synthetic-org-0"] }, { authorization: TOKEN })).status).toBe(401);
    expect((await jobs({ author: ["synthetic-org-0"] }, { authorization: `Bearer ${TOKEN}x` })).status).toBe(403);
    expect((await jobs({ author: ["synthetic-org-0"] }, { authorization: "Bearer a" })).status).toBe(403);
    expect(mock.requests.length).toBe(before);
  });

  it.each([
    [{}, "at least one of"],
    [{ author: ["a/b"] }, "author.0"],
    [{ top: 0 }, "top"],
    [{ author: ["synthetic-org-0"], limit: 5 }, "limit"],
    ["{not json", "not JSON"],
  ])("refuses the body %j with 400", async (body, message) => {
    const response = await jobs(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain(message);
  });

  it("answers 202 with what it enqueued, and the server audits each model in process", async () => {
    const response = await jobs({ author: ["synthetic-org-0"] });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ listed: 4, unchanged: 0, enqueued: 4 });
    expect([...body.models].sort()).toEqual([...models(0)].sort());
    await until("the four audits", async () => (await Promise.all(models(0).map(snapshotsOf))).every((n) => n === 1));
    // nothing moved since: a second run enqueues nothing
    const again = await (await jobs({ author: ["synthetic-org-0"] })).json();
    expect(again).toMatchObject({ listed: 4, unchanged: 4, enqueued: 0, models: [] });
  });
});

describe("POST /api/v1/hooks/huggingface", () => {
  it("is off (404) while MOFSCOPE_WEBHOOK_SECRET is unset", async () => {
    delete process.env.MOFSCOPE_WEBHOOK_SECRET;
    const id = models(1)[0] ?? "";
    expect((await hook(repoUpdate(id, mock.synthetic?.sha(id)))).status).toBe(404);
  });

  it("answers 401 to a missing or wrong secret, before reading the payload", async () => {
    const id = models(1)[0] ?? "";
    const payload = repoUpdate(id, mock.synthetic?.sha(id));
    expect((await hook(payload, {})).status).toBe(401);
    expect((await hook(payload, { "x-webhook-secret": `${SECRET}!` })).status).toBe(401);
    expect((await hook(payload, { "x-webhook-secret": "" })).status).toBe(401);
    expect((await hook("{not json", { "x-webhook-secret": "wrong" })).status).toBe(401);
    expect(await snapshotsOf(id)).toBe(0);
  });

  it.each([
    ["{not json", "not JSON"],
    [{ hello: "world" }, "event"],
    [{ event: { action: "update", scope: "repo.content" }, repo: { type: "model" } }, "repo.name"],
    [{ event: { action: "update", scope: "repo.content" }, repo: { type: "model", name: "org/name", headSha: "HEAD" } }, "repo.headSha"],
    [{ event: { action: "update", scope: "repo.content" }, repo: { type: "model", name: "not a model id" } }, "repo.name is not"],
  ])("refuses the payload %j with 400", async (body, message) => {
    const response = await hook(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain(message);
  });

  it("lets datasets, spaces and events that change no files be, with 200 and the reason", async () => {
    const id = models(1)[1] ?? "";
    const dataset = await hook(repoUpdate("someone/a-dataset", "a".repeat(40), "dataset"));
    expect(dataset.status).toBe(200);
    expect(await dataset.json()).toMatchObject({ enqueued: false, reason: expect.stringContaining("dataset repositories are not graded") });
    const discussion = await hook({ ...repoUpdate(id, mock.synthetic?.sha(id)), event: { action: "create", scope: "discussion" } });
    expect(discussion.status).toBe(200);
    expect(await discussion.json()).toMatchObject({ enqueued: false, reason: expect.stringContaining("discussion create") });
    expect(await snapshotsOf(id)).toBe(0);
  });

  it("re-audits a model on a repo update; a replay of the same commit enqueues nothing and stores no second snapshot", async () => {
    const id = models(2)[0] ?? "";
    const synthetic = mock.synthetic;
    if (synthetic === null) {
      throw new Error("the mock serves generated models");
    }
    const sha = synthetic.sha(id);
    // the first delivery's audit is held at its first request, so the replays arrive while it runs
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    mock.setFaults([{ path: new RegExp(`^/api/models/${id}(?:[/?]|$)`), hold: gate, times: 1 }]);
    const first = await hook(repoUpdate(id, sha));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ enqueued: true, model: id, sha });
    const replay = await hook(repoUpdate(id, sha));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ enqueued: false, model: id, sha });
    open();
    await until("the audit", async () => (await snapshotsOf(id)) === 1);
    const late = await hook(repoUpdate(id, sha));
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ enqueued: false, reason: expect.stringContaining("already audited at") });
    expect(await snapshotsOf(id)).toBe(1);

    // a push moves the commit: the next delivery re-audits
    const moved = synthetic.moveCommit(id);
    const push = await hook(repoUpdate(id, moved));
    expect(push.status).toBe(202);
    await until("the re-audit", async () => (await snapshotsOf(id)) === 2);
    expect((await hook(repoUpdate(id, moved))).status).toBe(200);
    expect(await snapshotsOf(id)).toBe(2);
  });
});
