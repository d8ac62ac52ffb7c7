import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { createUpstream } from "@/lib/fetchers/upstream";
import { fetchLicenseSnapshot, formatLicenseRefresh, readLicenseCheckout, writeLicenseData } from "@/lib/registry/license-data";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

const root = join(import.meta.dirname, "..", "..");
const vendored = join(root, "lib", "mof", "data");
const VENDORED_COMMIT = "8b5d30e90a7c62d7d6ece48b91e69ff495920a4d";
// tests/fixtures/github/repos/lfai/model_openness_tool at this commit holds both lists with SPDX's other fields (SOURCES.md)
const FIXTURE_COMMIT = "c2b39fb2b02c75454e5131bcdfd800928fc2c28a";
const BLOBS = join(root, "tests", "fixtures", "github", "repos", "lfai", "model_openness_tool", "git", "blobs");
const UPSTREAM_SPDX = join(BLOBS, "2de8d261ec5ad5c3bff2801bb8bdd64cf8e3ab7b");
const UPSTREAM_MOF = join(BLOBS, "8ce5e4d656952da18b1dda6bb368964cfda9a32a");

/** A copy of lib/mof/data as vendored. */
function tempData(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-licences-"));
  for (const file of ["spdx-licenses.json", "mof-licenses.json", "source.json"]) {
    copyFileSync(join(vendored, file), join(dir, file));
  }
  return dir;
}

/** A git checkout of MOT holding the fixture's licence files (the SPDX list edited first), committed; returns it and its HEAD. */
function motCheckout(edit?: (spdx: string) => string): { dir: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-mot-"));
  mkdirSync(join(dir, "web", "modules", "mof"), { recursive: true });
  const spdx = readFileSync(UPSTREAM_SPDX, "utf8");
  const edited = edit ? edit(spdx) : spdx;
  if (edit && edited === spdx) {
    throw new Error("the edit matched nothing in the fixture");
  }
  writeFileSync(join(dir, "web", "modules", "mof", "licenses.json"), edited);
  copyFileSync(UPSTREAM_MOF, join(dir, "web", "modules", "mof", "mof-licenses.json"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { encoding: "utf8" }).trim();
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "licences");
  return { dir, head: git("rev-parse", "HEAD") };
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

describe("refreshing the licence lists from MOT on GitHub", () => {
  it("keeps only the fields MOT reads, so the fixture's lists come out as the vendored files byte for byte, and notes the commit", async () => {
    const dir = tempData();
    const refresh = writeLicenseData(dir, await fetchLicenseSnapshot(upstream()));
    for (const file of ["spdx-licenses.json", "mof-licenses.json"]) {
      expect(readFileSync(join(dir, file), "utf8"), file).toBe(readFileSync(join(vendored, file), "utf8"));
    }
    expect(JSON.parse(readFileSync(join(dir, "source.json"), "utf8"))).toEqual({
      upstream: "lfai/model_openness_tool",
      commit: FIXTURE_COMMIT,
      files: { "spdx-licenses.json": "web/modules/mof/licenses.json", "mof-licenses.json": "web/modules/mof/mof-licenses.json" },
    });
    expect(refresh).toEqual({
      commit: FIXTURE_COMMIT,
      previousCommit: VENDORED_COMMIT,
      files: [
        { file: "spdx-licenses.json", licenses: 659, listVersion: "d8abdb0", changed: false },
        { file: "mof-licenses.json", licenses: 31, listVersion: "cca0be7", changed: false },
      ],
    });
    expect(formatLicenseRefresh(refresh)).toContain("lfai/model_openness_tool 8b5d30e90a → c2b39fb2b0");
  });

  it("asks for the repository, the branch, the tree and the two blobs: 5 requests", async () => {
    const before = mock.requests.length;
    const client = upstream();
    await fetchLicenseSnapshot(client);
    const paths = mock.requests.slice(before).map((r) => r.path.replace(/^\/github/, ""));
    expect(client.http.stats().requests).toBe(5);
    expect(paths).toContain(`/repos/lfai/model_openness_tool/git/trees/${FIXTURE_COMMIT}?recursive=1`);
    expect(paths.filter((p) => p.includes("/git/blobs/"))).toHaveLength(2);
  });

  it("fails without touching the folder when a blob cannot be fetched", async () => {
    const dir = tempData();
    mock.setFaults([{ path: /\/git\/blobs\//, status: 500 }]);
    try {
      await expect(fetchLicenseSnapshot(upstream())).rejects.toThrow(/500/);
    } finally {
      mock.setFaults([]);
    }
    expect(JSON.parse(readFileSync(join(dir, "source.json"), "utf8")).commit).toBe(VENDORED_COMMIT);
  });
});

describe("refreshing the licence lists from a local MOT checkout", () => {
  it("reads the files at HEAD, writes what changed and notes HEAD's commit", () => {
    const { dir: checkout, head } = motCheckout((s) =>
      s.replace(
        '"licenseId": "Zed",\n      "seeAlso": [],\n      "isOsiApproved": false',
        '"licenseId": "Zed",\n      "seeAlso": [],\n      "isOsiApproved": true',
      ),
    );
    const dir = tempData();
    const refresh = writeLicenseData(dir, readLicenseCheckout(checkout));
    expect(refresh.commit).toBe(head);
    expect(refresh.files.map((f) => [f.file, f.changed])).toEqual([
      ["spdx-licenses.json", true],
      ["mof-licenses.json", false],
    ]);
    const zed = readFileSync(join(dir, "spdx-licenses.json"), "utf8")
      .split("\n")
      .find((line) => line.includes('"licenseId":"Zed"'));
    expect(zed).toBe('{"licenseId":"Zed","name":"Zed License","isOsiApproved":true,"isDeprecatedLicenseId":false},');
  });

  it("refuses a checkout whose licence files differ from HEAD, and a folder that is no checkout", () => {
    const { dir: checkout } = motCheckout();
    writeFileSync(join(checkout, "web", "modules", "mof", "mof-licenses.json"), "{}");
    expect(() => readLicenseCheckout(checkout)).toThrow(/uncommitted changes to the licence files/);
    expect(() => readLicenseCheckout(mkdtempSync(join(tmpdir(), "mofscope-empty-")))).toThrow(/is not a git checkout/);
  });

  it("validates both lists before writing either: a licence without an id changes nothing", () => {
    const { dir: checkout } = motCheckout((s) => s.replace('"licenseId": "0BSD",', ""));
    const dir = tempData();
    expect(() => writeLicenseData(dir, readLicenseCheckout(checkout))).toThrow("web/modules/mof/licenses.json: licenses.0.licenseId");
    for (const file of ["spdx-licenses.json", "mof-licenses.json", "source.json"]) {
      expect(readFileSync(join(dir, file), "utf8"), file).toBe(readFileSync(join(vendored, file), "utf8"));
    }
    expect(existsSync(join(dir, "spdx-licenses.json.tmp"))).toBe(false);
  });
});

describe("npm run refresh:mof-data", () => {
  const script = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "scripts", "refresh-mof-data.ts"), ...args], {
      cwd: root,
      env: { ...process.env, GITHUB_API_URL: mock.githubApiUrl, HF_ENDPOINT: mock.hfEndpoint, ARXIV_API_URL: mock.arxivApiUrl, GITHUB_TOKEN: "" },
    });

  it("rewrites the folder given by --out from the upstream and prints what it did", async () => {
    const dir = tempData();
    const { stdout } = await script(["--out", dir]);
    expect(stdout).toContain("lfai/model_openness_tool 8b5d30e90a → c2b39fb2b0");
    expect(stdout).toContain("spdx-licenses.json: 659 licences, list d8abdb0, unchanged");
    expect(JSON.parse(readFileSync(join(dir, "source.json"), "utf8")).commit).toBe(FIXTURE_COMMIT);
  });

  it("exits 2 naming the problem when --dir is no checkout", async () => {
    const empty = mkdtempSync(join(tmpdir(), "mofscope-empty-"));
    await expect(script(["--dir", empty, "--out", tempData()])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("is not a git checkout") });
  });
});
