import { describe, expect, it } from "vitest";
import { loadUpstreamConfig } from "@/lib/fetchers/config";

describe("loadUpstreamConfig", () => {
  it("defaults to the public upstreams with no tokens", () => {
    const config = loadUpstreamConfig({});
    expect(config).toMatchObject({
      hfEndpoint: "https://huggingface.co",
      githubApiUrl: "https://api.github.com",
      arxivApiUrl: "https://export.arxiv.org",
      hfToken: undefined,
      githubToken: undefined,
    });
    expect(config.allowedOrigins).toEqual(["https://huggingface.co", "https://api.github.com", "https://export.arxiv.org"]);
  });

  it("strips trailing slashes and de-duplicates origins shared by the mock", () => {
    const config = loadUpstreamConfig({
      HF_ENDPOINT: "http://127.0.0.1:4010/",
      GITHUB_API_URL: "http://127.0.0.1:4010/github",
      ARXIV_API_URL: "http://127.0.0.1:4010/arxiv",
      GITHUB_TOKEN: "",
    });
    expect(config.hfEndpoint).toBe("http://127.0.0.1:4010");
    expect(config.allowedOrigins).toEqual(["http://127.0.0.1:4010"]);
    expect(config.githubToken).toBeUndefined();
  });

  it("rejects an HF token without the hf_ prefix, naming the variable but not the value", () => {
    expect(() => loadUpstreamConfig({ HF_TOKEN: "secret-value" })).toThrow(/HF_TOKEN must start with hf_/);
    expect(() => loadUpstreamConfig({ HF_TOKEN: "secret-value" })).not.toThrow(/secret-value/);
  });

  it("rejects non-http endpoints", () => {
    expect(() => loadUpstreamConfig({ GITHUB_API_URL: "file:///etc" })).toThrow(/GITHUB_API_URL/);
  });
});
