import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import { gitBlobSha } from "@/lib/registry/git-blob-sha";
import { hashModelFiles, readManifest, writeManifest } from "@/lib/registry/manifest";
import { formatSyncSummary, syncRegistry } from "@/lib/registry/sync";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

const root = join(import.meta.dirname, "..", "..");
const vendored = join(root, "registry", "mot", "models");
const VENDORED_COMMIT = "8b5d30e90a7c62d7d6ece48b91e69ff495920a4d";
// tests/fixtures/github/repos/lfai/model_openness_tool: the upstream one commit later (SOURCES.md)
const FIXTURE_COMMIT = "c2b39fb2b02c75454e5131bcdfd800928fc2c28a";
const LOCAL = ["Amber.yml", "BLOOM.yml", "CrystalCoder.yml", "Mistral-7B-v0.1.yml", "OLMo-7B.yml", "Pythia-160M.yml"];

/** A registry folder holding six vendored records at the vendored commit. */
function tempRegistry(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-sync-"));
  mkdirSync(join(dir, "models"));
  for (const f of LOCAL) {
    copyFileSync(join(vendored, f), join(dir, "models", f));
  }
  writeManifest(dir, {
    upstream: "lfai/model_openness_tool",
    branch: "main",
    commit: VENDORED_COMMIT,
    syncedAt: "2026-05-11T14:34:12.000Z",
    files: hashModelFiles(dir),
  });
  return dir;
}

let mock: MockUpstream;
const upstream = () =>
  createUpstream(loadUpstreamConfig({ HF_ENDPOINT: mock.hfEndpoint, GITHUB_API_URL: mock.githubApiUrl, ARXIV_API_URL: mock.arxivApiUrl }), {
    sleep: async () => undefined,
  });

beforeAll(async () => {
  mock = await startMockUpstream();
});

afterAll(async () => {
  await mock.close();
});

describe("syncRegistry", () => {
  it("adds, changes and removes records, skips the malformed one, and counts the rest", async () => {
    const dir = tempRegistry();
    const summary = await syncRegistry({ dir, upstream: upstream(), now: () => new Date("2026-11-24T12:00:00Z") });
    expect({ added: summary.added, changed: summary.changed, removed: summary.removed, unchanged: summary.unchanged }).toEqual({
      added: ["CrystalChat.yml"],
      changed: ["OLMo-7B.yml"],
      removed: ["Pythia-160M.yml"],
      unchanged: 3,
    });
    expect(summary.malformed).toEqual([{ file: "Mistral-7B-v0.1.yml", path: "framework.date", line: 4, message: expect.stringContaining("unquoted date") }]);
    expect({ previous: summary.previousCommit, commit: summary.commit }).toEqual({ previous: VENDORED_COMMIT, commit: FIXTURE_COMMIT });
  });

  it("asks for the repository, the branch, the tree and only the blobs that changed: 6 requests", async () => {
    const dir = tempRegistry();
    const before = mock.requests.length;
    const summary = await syncRegistry({ dir, upstream: upstream() });
    const paths = mock.requests.slice(before).map((r) => r.path.replace(/^\/github/, ""));
    expect(summary.requests).toBe(6);
    expect(paths.filter((p) => p.includes("/git/blobs/"))).toHaveLength(3);
    expect(paths).toContain(`/repos/lfai/model_openness_tool/git/trees/${FIXTURE_COMMIT}?recursive=1`);
  });

  it("writes the new files, keeps the old malformed one, deletes the removed one and updates the manifest", async () => {
    const dir = tempRegistry();
    const oldMistral = readFileSync(join(dir, "models", "Mistral-7B-v0.1.yml"), "utf8");
    await syncRegistry({ dir, upstream: upstream(), now: () => new Date("2026-11-24T12:00:00Z") });
    const manifest = readManifest(dir);
    expect(manifest).toMatchObject({ commit: FIXTURE_COMMIT, syncedAt: "2026-11-24T12:00:00.000Z" });
    expect(Object.keys(manifest.files).sort()).toEqual(["Amber.yml", "BLOOM.yml", "CrystalChat.yml", "CrystalCoder.yml", "Mistral-7B-v0.1.yml", "OLMo-7B.yml"]);
    expect(manifest.files).toEqual(hashModelFiles(dir));
    expect(readFileSync(join(dir, "models", "CrystalChat.yml"), "utf8")).toBe(readFileSync(join(vendored, "CrystalChat.yml"), "utf8"));
    expect(readFileSync(join(dir, "models", "OLMo-7B.yml"), "utf8")).toContain("license: ODC-By-1.0");
    expect(readFileSync(join(dir, "models", "Mistral-7B-v0.1.yml"), "utf8")).toBe(oldMistral);
    expect(manifest.files["Mistral-7B-v0.1.yml"]).toBe(gitBlobSha(oldMistral));
    expect(existsSync(join(dir, "models", "Pythia-160M.yml"))).toBe(false);
  });

  it("stops after two requests when the upstream is still at the manifest's commit", async () => {
    const dir = tempRegistry();
    await syncRegistry({ dir, upstream: upstream() });
    const again = await syncRegistry({ dir, upstream: upstream() });
    expect(again).toMatchObject({ added: [], changed: [], removed: [], malformed: [], unchanged: 6, requests: 2 });
    expect(formatSyncSummary(again)).toContain("is still at c2b39fb2b0");
  });

  it("fails without touching the folder when a blob cannot be fetched", async () => {
    const dir = tempRegistry();
    mock.setFaults([{ path: /\/git\/blobs\//, status: 500 }]);
    try {
      await expect(syncRegistry({ dir, upstream: upstream() })).rejects.toThrow(/500/);
    } finally {
      mock.setFaults([]);
    }
    expect(readManifest(dir).commit).toBe(VENDORED_COMMIT);
    expect(existsSync(join(dir, "models", "Pythia-160M.yml"))).toBe(true);
  });
});

describe("npm run sync:mot", () => {
  it("syncs the folder given by --dir and prints the counts and the malformed record", async () => {
    const dir = tempRegistry();
    const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
    const env = { ...process.env, GITHUB_API_URL: mock.githubApiUrl, HF_ENDPOINT: mock.hfEndpoint, ARXIV_API_URL: mock.arxivApiUrl, GITHUB_TOKEN: "" };
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, join(root, "scripts", "sync-mot.ts"), "--dir", dir], { cwd: root, env });
    expect(stdout).toContain("added 1 · changed 1 · removed 1 · malformed 1 · unchanged 3");
    expect(stdout).toMatch(/! Mistral-7B-v0\.1\.yml:4 framework\.date: is an unquoted date/);
    expect(stdout).toContain("6 upstream requests");
    expect(readManifest(dir).commit).toBe(FIXTURE_COMMIT);
  });
});
