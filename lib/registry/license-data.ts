import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Upstream } from "@/lib/fetchers/upstream";
import { gitBlobSha } from "./git-blob-sha";
import { MOT_REPO } from "./manifest";
import { blobContent, blobShas, headCommit } from "./mot-upstream";

/** The licence lists the MOF engine vendors in lib/mof/data, each with the path MOT keeps it at. */
export const LICENSE_FILES = {
  "spdx-licenses.json": "web/modules/mof/licenses.json",
  "mof-licenses.json": "web/modules/mof/mof-licenses.json",
} as const;

type LicenseFile = keyof typeof LICENSE_FILES;

const FILE_NAMES = Object.keys(LICENSE_FILES) as LicenseFile[];

/** Names the commit the vendored lists come from; lib/mof reads it for LICENSE_CATALOGUE_SOURCE. */
export const SOURCE_FILE = "source.json";

// the fields MOT's LicenseImporter reads, in the order the vendored files keep them; zod drops every other field
const licenseSchema = z.object({
  licenseId: z.string().min(1),
  name: z.string(),
  isOsiApproved: z.boolean().optional(),
  isDeprecatedLicenseId: z.boolean().optional(),
  isFsfLibre: z.boolean().optional(),
  ContentType: z.union([z.string(), z.array(z.string())]).optional(),
});

const licenseListSchema = z.object({ licenseListVersion: z.string().min(1), licenses: z.array(licenseSchema).min(1) });

type LicenseList = z.infer<typeof licenseListSchema>;

/** MOT's licence files as one commit holds them. */
export interface LicenseSnapshot {
  commit: string;
  files: Record<LicenseFile, Buffer>;
}

export interface LicenseRefresh {
  commit: string;
  previousCommit: string | null;
  files: { file: LicenseFile; licenses: number; listVersion: string; changed: boolean }[];
}

/** The files at the head of MOT's default branch: the repository, the branch, the tree and two blobs (5 requests). */
export async function fetchLicenseSnapshot(upstream: Upstream): Promise<LicenseSnapshot> {
  const [owner = "", repo = ""] = MOT_REPO.split("/");
  const name = { owner, repo };
  const { commit } = await headCommit(upstream, name);
  const shas = await blobShas(upstream, name, commit);
  const files = {} as Record<LicenseFile, Buffer>;
  for (const file of FILE_NAMES) {
    const path = LICENSE_FILES[file];
    const sha = shas.get(path);
    if (sha === undefined) {
      throw new Error(`${MOT_REPO}@${commit} has no ${path}`);
    }
    const bytes = await blobContent(upstream, name, sha);
    if (gitBlobSha(bytes) !== sha) {
      throw new Error(`${path}: the blob's content does not hash to ${sha}`);
    }
    files[file] = bytes;
  }
  return { commit, files };
}

const git = (dir: string, args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** The files of a local MOT checkout at its HEAD; refused when they differ from HEAD, since no commit would name them. */
export function readLicenseCheckout(dir: string): LicenseSnapshot {
  let commit: string;
  let changed: string;
  try {
    commit = git(dir, ["rev-parse", "HEAD"]);
    changed = git(dir, ["status", "--porcelain", "--", ...Object.values(LICENSE_FILES)]);
  } catch {
    throw new Error(`${dir} is not a git checkout of ${MOT_REPO}`);
  }
  if (changed !== "") {
    throw new Error(`${dir} has uncommitted changes to the licence files; commit or stash them:\n${changed}`);
  }
  const files = {} as Record<LicenseFile, Buffer>;
  for (const file of FILE_NAMES) {
    const path = join(dir, LICENSE_FILES[file]);
    if (!existsSync(path)) {
      throw new Error(`${dir} has no ${LICENSE_FILES[file]}`);
    }
    files[file] = readFileSync(path);
  }
  return { commit, files };
}

function parseList(file: LicenseFile, bytes: Buffer): LicenseList {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new Error(`${LICENSE_FILES[file]} is not JSON: ${(error as Error).message}`);
  }
  const parsed = licenseListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${LICENSE_FILES[file]}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

// one licence a line, so a refresh reads as a diff of the licences that changed
function formatList(list: LicenseList): string {
  return `{\n"licenseListVersion": ${JSON.stringify(list.licenseListVersion)},\n"licenses": [\n${list.licenses.map((l) => JSON.stringify(l)).join(",\n")}\n]}\n`;
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function previousCommit(outDir: string): string | null {
  try {
    return z.object({ commit: z.string() }).parse(JSON.parse(readFileSync(join(outDir, SOURCE_FILE), "utf8"))).commit;
  } catch {
    return null;
  }
}

/**
 * Rewrites the vendored lists in `outDir` from a snapshot, keeping only the fields MOT reads, and notes the commit in
 * source.json. Both lists are validated before either is written, so a bad upstream file changes nothing.
 */
export function writeLicenseData(outDir: string, snapshot: LicenseSnapshot): LicenseRefresh {
  const lists = FILE_NAMES.map((file) => ({ file, list: parseList(file, snapshot.files[file]) }));
  const previous = previousCommit(outDir);
  const files = lists.map(({ file, list }) => {
    const path = join(outDir, file);
    const text = formatList(list);
    const changed = !existsSync(path) || readFileSync(path, "utf8") !== text;
    writeAtomically(path, text);
    return { file, licenses: list.licenses.length, listVersion: list.licenseListVersion, changed };
  });
  writeAtomically(join(outDir, SOURCE_FILE), `${JSON.stringify({ upstream: MOT_REPO, commit: snapshot.commit, files: LICENSE_FILES }, null, 2)}\n`);
  return { commit: snapshot.commit, previousCommit: previous, files };
}

/** One line for the commits, one per list. */
export function formatLicenseRefresh(r: LicenseRefresh): string {
  const head = `${MOT_REPO} ${r.previousCommit === null ? "(no commit noted)" : r.previousCommit.slice(0, 10)} → ${r.commit.slice(0, 10)}`;
  const lines = r.files.map((f) => `  ${f.file}: ${f.licenses} licences, list ${f.listVersion}, ${f.changed ? "changed" : "unchanged"}`);
  return `${[head, ...lines].join("\n")}\n`;
}
