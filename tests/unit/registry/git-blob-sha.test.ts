import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitBlobSha } from "@/lib/registry/git-blob-sha";
import { readManifest } from "@/lib/registry/manifest";

const registry = join(import.meta.dirname, "..", "..", "..", "registry", "mot");

describe("gitBlobSha", () => {
  it("hashes as git does", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha("hello\n")).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
    expect(gitBlobSha("")).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  });

  it("counts bytes, not characters", () => {
    expect(gitBlobSha("é")).toBe(gitBlobSha(Buffer.from("é", "utf8")));
    expect(gitBlobSha("é")).not.toBe(gitBlobSha(Buffer.from("é", "latin1")));
  });
});

describe("the vendored manifest", () => {
  const manifest = readManifest(registry);

  it("lists every vendored record with the blob sha of its content", () => {
    expect(Object.keys(manifest.files)).toHaveLength(273);
    for (const [file, sha] of Object.entries(manifest.files)) {
      expect(gitBlobSha(readFileSync(join(registry, "models", file))), file).toBe(sha);
    }
  });

  it("names MOT's repository and the commit in SOURCE.md", () => {
    expect(manifest.upstream).toBe("lfai/model_openness_tool");
    expect(readFileSync(join(registry, "SOURCE.md"), "utf8")).toContain(manifest.commit);
  });

  it("agrees with git's own hashing where git is installed", () => {
    let gitSha: string;
    try {
      gitSha = execFileSync("git", ["hash-object", join(registry, "models", "Amber.yml")], { encoding: "utf8" }).trim();
    } catch {
      return;
    }
    expect(manifest.files["Amber.yml"]).toBe(gitSha);
  });
});
