import { lstat, opendir, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { FolderError } from "./errors";
import { FOLDER_LIMITS, IGNORED_DIRECTORIES, type WalkLimits } from "./limits";

/** One file of a release folder: its path in the folder (with `/`) and its size. Its content is never read here. */
export interface FolderFile {
  readonly path: string;
  readonly size: number;
}

export interface FolderListing {
  /** The folder's real path; nothing outside it is ever opened. */
  readonly root: string;
  readonly files: readonly FolderFile[];
  /** Entries left out, with why (a symbolic link to a folder, a socket). */
  readonly skipped: readonly string[];
}

/** True when `path` (a real path) is the root or lies below it. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function describeIoError(error: unknown, what: string): FolderError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return new FolderError("not_found", `${what} does not exist`);
  }
  if (code === "ENOTDIR") {
    return new FolderError("not_a_folder", `${what} is not a folder`);
  }
  return new FolderError("unreadable", `${what} cannot be read (${code ?? "EIO"})`);
}

/** The folder's real path, checked to be a directory. */
async function realRoot(folder: string): Promise<string> {
  try {
    const root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) {
      throw new FolderError("not_a_folder", `${folder} is not a folder; give the folder laid out as it will be uploaded`);
    }
    return root;
  } catch (error) {
    throw error instanceof FolderError ? error : describeIoError(error, folder);
  }
}

/** What a symbolic link in the folder names: a file in the folder is listed; one that leaves the folder is refused. */
async function followLink(root: string, abs: string, rel: string): Promise<{ kind: "file"; size: number } | { kind: "skip"; why: string }> {
  let target: string;
  try {
    target = await realpath(abs);
  } catch {
    return { kind: "skip", why: `${rel}: a broken symbolic link` };
  }
  if (!isInside(root, target)) {
    throw new FolderError("symlink_escape", `${rel} is a symbolic link to ${target}, outside the release folder; mofscope reads nothing outside it`);
  }
  const info = await stat(target);
  if (info.isFile()) {
    return { kind: "file", size: info.size };
  }
  return { kind: "skip", why: `${rel}: a symbolic link to a folder, not followed` };
}

// lstat calls in flight at once: the thread pool answers them in parallel, a folder of shards lists in one pass
const STAT_BATCH = 64;

/**
 * Lists a release folder breadth first with lstat only: names and sizes, no file contents. Symbolic links that leave
 * the folder are refused; the number of entries and the depth are capped so any folder costs bounded work.
 */
export async function listFolder(folder: string, limits: WalkLimits = FOLDER_LIMITS): Promise<FolderListing> {
  const root = await realRoot(folder);
  const files: FolderFile[] = [];
  const skipped: string[] = [];
  const queue: { abs: string; rel: string; depth: number }[] = [{ abs: root, rel: "", depth: 0 }];
  let entries = 0;
  let pending: Promise<void>[] = [];
  let failure: unknown = null;
  // each stat is caught as it is queued, so a refusal waits for the batch instead of going unhandled
  const queueStat = (work: Promise<void>) => {
    pending.push(
      work.catch((error: unknown) => {
        failure ??= error;
      }),
    );
  };
  const settle = async () => {
    await Promise.all(pending);
    pending = [];
    if (failure !== null) {
      throw failure;
    }
    if (files.length > limits.files) {
      throw new FolderError("too_many_files", `the folder holds more than ${limits.files.toLocaleString("en")} files`);
    }
  };
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(next.abs);
    } catch (error) {
      throw describeIoError(error, next.rel || folder);
    }
    for await (const entry of dir) {
      entries++;
      if (entries > limits.entries) {
        throw new FolderError(
          "too_many_files",
          `the folder holds more than ${limits.entries.toLocaleString("en")} entries; mofscope audits a release folder, not a disk`,
        );
      }
      const abs = join(next.abs, entry.name);
      const rel = next.rel === "" ? entry.name : `${next.rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (IGNORED_DIRECTORIES.has(entry.name)) {
          continue;
        }
        if (next.depth + 1 > limits.depth) {
          throw new FolderError("too_deep", `${rel} is nested more than ${limits.depth} folders deep`);
        }
        queue.push({ abs, rel, depth: next.depth + 1 });
      } else if (entry.isFile()) {
        queueStat(lstat(abs).then((info) => void files.push({ path: rel, size: info.size })));
      } else if (entry.isSymbolicLink()) {
        queueStat(
          followLink(root, abs, rel).then((link) => {
            if (link.kind === "file") {
              files.push({ path: rel, size: link.size });
            } else {
              skipped.push(link.why);
            }
          }),
        );
      } else {
        skipped.push(`${rel}: not a regular file`);
      }
      if (pending.length >= STAT_BATCH) {
        await settle();
      }
    }
    await settle();
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort();
  return { root, files, skipped };
}
