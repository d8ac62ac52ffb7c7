import { afterEach, describe, expect, it } from "vitest";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";
import { unitFixturesDir } from "@/tests/helpers/test-upstream";

let mock: MockUpstream;
afterEach(async () => {
  await mock.close();
});

// the mock itself, used with plain fetch: its answers must match the hub's documented behaviour
describe("startMockUpstream", () => {
  it("returns the full payload without expand and only _id, id and the requested keys with it", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir });
    const full = await (await fetch(`${mock.url}/api/models/acme/tiny`)).json();
    expect(full).toHaveProperty("siblings");
    const some = await (await fetch(`${mock.url}/api/models/acme/tiny?expand[]=sha&expand=gated`)).json();
    expect(Object.keys(some).sort()).toEqual(["_id", "gated", "id", "sha"]);
  });

  it("answers 401 anonymously and 404 RepoNotFound with a token for unknown repos", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir });
    const anonymous = await fetch(`${mock.url}/api/models/acme/missing`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Invalid username or password." });
    const authorised = await fetch(`${mock.url}/api/models/acme/missing`, { headers: { authorization: "Bearer hf_x" } });
    expect(authorised.status).toBe(404);
    expect(authorised.headers.get("x-error-code")).toBe("RepoNotFound");
  });

  it("answers a Range probe with 206 and Content-Range", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir });
    const response = await fetch(`${mock.url}/acme/tiny/resolve/main/README.md`, { headers: { range: "bytes=0-0" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toMatch(/^bytes 0-0\/\d+$/);
    expect(response.headers.get("etag")).toBeTruthy();
  });

  it("puts absolute URLs in tree Link headers", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir, treePageSize: 2 });
    const response = await fetch(`${mock.url}/api/models/acme/tiny/tree/main?recursive=true`);
    expect(response.headers.get("link")).toBe(`<${mock.url}/api/models/acme/tiny/tree/main?recursive=true&cursor=2>; rel="next"`);
  });

  it("sends GitHub's 404 body and rate-limit headers", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir });
    const response = await fetch(`${mock.githubApiUrl}/repos/acme/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: "Not Found", status: "404" });
    expect(response.headers.get("x-ratelimit-remaining")).toBe("59");
  });

  it("applies a fault only the given number of times", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir, faults: [{ path: /tiny$/, status: 503, times: 1 }] });
    expect((await fetch(`${mock.url}/api/models/acme/tiny`)).status).toBe(503);
    expect((await fetch(`${mock.url}/api/models/acme/tiny`)).status).toBe(200);
    expect(mock.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
  });

  it("refuses fixture paths that climb out of the fixtures folder", async () => {
    mock = await startMockUpstream({ fixturesDir: unitFixturesDir });
    const response = await fetch(`${mock.url}/acme/tiny/raw/main/..%2F..%2F..%2F..%2FREADME.md`);
    expect(response.status).toBe(404);
  });
});
