import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** One entry of a release folder made for a test. */
export type FolderEntry = string | Buffer | { readonly sparse: number } | { readonly symlink: string } | { readonly fifo: true };

/** Writes a release folder in a fresh temporary directory; a sparse entry has its size but no data on disk. */
export function makeReleaseFolder(entries: Readonly<Record<string, FolderEntry>>, name = "release"): string {
  const root = join(mkdtempSync(join(tmpdir(), "mofscope-folder-")), name);
  mkdirSync(root, { recursive: true });
  for (const [path, entry] of Object.entries(entries)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof entry === "string" || Buffer.isBuffer(entry)) {
      writeFileSync(file, entry);
    } else if ("sparse" in entry) {
      const fd = openSync(file, "w");
      closeSync(fd);
      execFileSync("truncate", ["-s", String(entry.sparse), file]);
    } else if ("symlink" in entry) {
      symlinkSync(entry.symlink, file);
    } else {
      execFileSync("mkfifo", [file]);
    }
  }
  return root;
}

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/**
 * A release folder laid out as a published fixture model was uploaded: its card, its config and every file of its
 * model info (weights as sparse files, so names and sizes only).
 */
export function folderLikeFixture(id: string): string {
  const info = JSON.parse(readFileSync(join(FIXTURES, "hf", "api", "models", `${id}.json`), "utf8")) as {
    siblings: { rfilename: string }[];
    config?: { architectures?: string[]; model_type?: string };
  };
  const entries: Record<string, FolderEntry> = {};
  for (const { rfilename } of info.siblings) {
    entries[rfilename] = { sparse: 1024 };
  }
  entries["README.md"] = readFileSync(join(FIXTURES, "hf", "models", id, "README.md"), "utf8");
  entries["config.json"] = JSON.stringify({ architectures: info.config?.architectures ?? [], model_type: info.config?.model_type ?? null });
  return makeReleaseFolder(entries, id.split("/")[1]);
}
