import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { failureOf, startTestUpstream, type TestUpstream } from "@/tests/helpers/test-upstream";

const modelSchema = z.object({ id: z.string() });
const path = "/api/models/acme/tiny";
let t: TestUpstream;

afterEach(async () => {
  await t.mock.close();
});

describe("createHttpClient response checks", () => {
  it("reports malformed JSON as invalid_response", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, malformedJson: true }] } });
    const error = await failureOf(t.upstream.http.getJson(t.mock.url + path, modelSchema));
    expect(error.kind).toBe("invalid_response");
  });

  it("reports a shape the schema rejects as invalid_response naming the field", async () => {
    t = await startTestUpstream();
    const error = await failureOf(t.upstream.http.getJson(t.mock.url + path, z.object({ sha: z.number() })));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("at sha");
  });

  it("stops reading a streamed body past the size cap", async () => {
    t = await startTestUpstream({
      mock: { faults: [{ path, hugeBody: 20 * 1024 * 1024 }] },
      http: { maxBodyBytes: 1024 * 1024 },
    });
    const error = await failureOf(t.upstream.http.getText(t.mock.url + path));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("body exceeds 1048576 bytes");
  });

  it("refuses a body whose declared length exceeds the cap", async () => {
    t = await startTestUpstream({ http: { maxBodyBytes: 100 } });
    const error = await failureOf(t.upstream.http.getText(t.mock.url + path));
    expect(error.kind).toBe("invalid_response");
  });

  it("maps 404 to not_found and an anonymous 401 from the hub to not_found", async () => {
    t = await startTestUpstream();
    expect((await failureOf(t.upstream.http.getText(`${t.mock.githubApiUrl}/repos/acme/nope`))).kind).toBe("not_found");
    const anonymous = await failureOf(t.upstream.http.getText(`${t.mock.url}/api/models/acme/missing`));
    expect(anonymous).toMatchObject({ kind: "not_found", status: 401 });
  });

  it("maps a GatedRepo answer to gated", async () => {
    t = await startTestUpstream();
    const error = await failureOf(t.upstream.http.getText(`${t.mock.url}/acme/gated-tiny/raw/main/README.md`));
    expect(error).toMatchObject({ kind: "gated", status: 401 });
  });
});

describe("createHttpClient origin guard", () => {
  it("refuses a URL outside the allowed origins without sending anything", async () => {
    t = await startTestUpstream();
    const error = await failureOf(t.upstream.http.getText("http://169.254.169.254/latest/meta-data"));
    expect(error.message).toContain("origin is not an allowed upstream");
    expect(t.upstream.http.stats().requests).toBe(0);
  });

  it("follows a same-origin relative redirect", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path: "/api/models/acme/old", redirect: path, status: 307 }] } });
    await expect(t.upstream.http.getJson(`${t.mock.url}/api/models/acme/old`, modelSchema)).resolves.toEqual({
      id: "acme/tiny",
    });
    expect(t.mock.requests.map((r) => r.path)).toEqual(["/api/models/acme/old", path]);
  });

  it("refuses a redirect to another origin", async () => {
    t = await startTestUpstream({ mock: { faults: [{ path, redirect: "http://example.com/steal" }] } });
    const error = await failureOf(t.upstream.http.getText(t.mock.url + path));
    expect(error.kind).toBe("upstream_error");
    expect(error.message).toContain("redirect to another origin refused");
    expect(t.mock.requests).toHaveLength(1);
  });

  it("detects a redirect loop", async () => {
    t = await startTestUpstream({
      mock: {
        faults: [
          { path: "/loop-a", redirect: "/loop-b" },
          { path: "/loop-b", redirect: "/loop-a" },
        ],
      },
    });
    const error = await failureOf(t.upstream.http.getText(`${t.mock.url}/loop-a`));
    expect(error.message).toContain("redirect loop");
    expect(t.mock.requests).toHaveLength(2);
  });

  it("stops after five redirects", async () => {
    const faults = Array.from({ length: 7 }, (_, i) => ({ path: `/hop-${i}`, redirect: `/hop-${i + 1}` }));
    t = await startTestUpstream({ mock: { faults } });
    const error = await failureOf(t.upstream.http.getText(`${t.mock.url}/hop-0`));
    expect(error.message).toContain("more than 5 redirects");
    expect(t.mock.requests).toHaveLength(6);
  });
});

describe("createHttpClient tokens", () => {
  it("sends each token only to its own upstream and never echoes it", async () => {
    t = await startTestUpstream({ env: { HF_TOKEN: "hf_secret_test", GITHUB_TOKEN: "gh_secret_test" } });
    const http = t.upstream.http;
    await http.getText(t.mock.url + path);
    await http.getText(`${t.mock.githubApiUrl}/repos/acme/tiny-train`);
    await http.getText(`${t.mock.arxivApiUrl}/oai?verb=GetRecord&identifier=oai:arXiv.org:2401.00001&metadataPrefix=arXiv`);
    const error = await failureOf(http.getText(`${t.mock.githubApiUrl}/repos/acme/nope`));
    expect(t.mock.requests.map((r) => r.headers.authorization)).toEqual(["Bearer hf_secret_test", "Bearer gh_secret_test", undefined, "Bearer gh_secret_test"]);
    expect(error.message).not.toContain("secret");
  });

  it("serves the hub library through fetchFn, rejecting non-2xx with FetchFailure", async () => {
    t = await startTestUpstream();
    const response = await t.upstream.http.fetchFn(t.mock.url + path);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "acme/tiny" });
    const error = await failureOf(t.upstream.http.fetchFn(`${t.mock.url}/api/models/acme/missing`));
    expect(error.kind).toBe("not_found");
  });
});
