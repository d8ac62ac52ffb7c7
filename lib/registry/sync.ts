import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Upstream } from "@/lib/fetchers/upstream";
import { parseMofYaml } from "@/lib/mof";
import { gitBlobSha } from "./git-blob-sha";
import { type Manifest, MODELS_FOLDER, modelsPath, readManifest, writeManifest } from "./manifest";
import { blobContent, blobShas, headCommit, type RepoName } from "./mot-upstream";

export interface MalformedRecord {
  file: string;
  path: string;
  line: number | null;
  message: string;
}

export interface SyncSummary {
  upstream: string;
  previousCommit: string;
  commit: string;
  added: string[];
  changed: string[];
  removed: string[];
  /** Records the upstream holds that fail validation; the vendored version, if any, is kept. */
  malformed: MalformedRecord[];
  unchanged: number;
  /** Upstream requests the sync made. */
  requests: number;
}

export interface SyncOptions {
  /** The registry folder: `manifest.json` and `models/`. */
  dir: string;
  upstream: Upstream;
  now?: () => Date;
}

const RECORD_PATH = new RegExp(`^${MODELS_FOLDER}/([^/]+\\.yml)$`);

type Fetched = { file: string; sha: string; text: string } | { file: string; malformed: MalformedRecord[] };

async function fetchRecord(upstream: Upstream, name: RepoName, file: string, sha: string): Promise<Fetched> {
  const bytes = await blobContent(upstream, name, sha);
  if (gitBlobSha(bytes) !== sha) {
    return { file, malformed: [{ file, path: "", line: null, message: `the blob's content does not hash to ${sha}` }] };
  }
  const text = bytes.toString("utf8");
  const parsed = parseMofYaml(text);
  return parsed.ok ? { file, sha, text } : { file, malformed: parsed.errors.map((e) => ({ file, path: e.path, line: e.line, message: e.message })) };
}

// a file lands complete or not at all
function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** Brings `<dir>/models` in line with the upstream's default branch; a malformed record is reported and skipped, never fatal. */
export async function syncRegistry({ dir, upstream, now = () => new Date() }: SyncOptions): Promise<SyncSummary> {
  const manifest: Manifest = readManifest(dir);
  const [owner = "", repo = ""] = manifest.upstream.split("/");
  const name = { owner, repo };
  const before = upstream.http.stats().requests;
  const head = await headCommit(upstream, name);
  const summary: SyncSummary = {
    upstream: manifest.upstream,
    previousCommit: manifest.commit,
    commit: head.commit,
    added: [],
    changed: [],
    removed: [],
    malformed: [],
    unchanged: Object.keys(manifest.files).length,
    requests: 0,
  };
  if (head.commit === manifest.commit) {
    return { ...summary, requests: upstream.http.stats().requests - before };
  }

  const upstreamFiles = new Map<string, string>();
  for (const [path, sha] of await blobShas(upstream, name, head.commit)) {
    const file = RECORD_PATH.exec(path)?.[1];
    if (file !== undefined) {
      upstreamFiles.set(file, sha);
    }
  }
  const stale = [...upstreamFiles].filter(([file, sha]) => manifest.files[file] !== sha);
  const fetched = await Promise.all(stale.map(([file, sha]) => fetchRecord(upstream, name, file, sha)));

  const files = { ...manifest.files };
  mkdirSync(modelsPath(dir), { recursive: true });
  for (const result of fetched) {
    if ("malformed" in result) {
      summary.malformed.push(...result.malformed);
      continue;
    }
    (files[result.file] === undefined ? summary.added : summary.changed).push(result.file);
    writeAtomically(join(modelsPath(dir), result.file), result.text);
    files[result.file] = result.sha;
  }
  for (const file of Object.keys(manifest.files).filter((f) => !upstreamFiles.has(f))) {
    rmSync(join(modelsPath(dir), file), { force: true });
    delete files[file];
    summary.removed.push(file);
  }
  writeManifest(dir, { ...manifest, branch: head.branch, commit: head.commit, syncedAt: now().toISOString(), files });
  summary.unchanged = upstreamFiles.size - stale.length;
  return { ...summary, requests: upstream.http.stats().requests - before };
}

/** One line per count, then one line per malformed record (file, field path, line, message). */
export function formatSyncSummary(s: SyncSummary): string {
  const head =
    s.commit === s.previousCommit
      ? `${s.upstream} is still at ${s.commit.slice(0, 10)}`
      : `${s.upstream} ${s.previousCommit.slice(0, 10)} → ${s.commit.slice(0, 10)}`;
  const counts = `added ${s.added.length} · changed ${s.changed.length} · removed ${s.removed.length} · malformed ${new Set(s.malformed.map((m) => m.file)).size} · unchanged ${s.unchanged}`;
  const bad = s.malformed.map((m) => `  ! ${m.file}${m.line === null ? "" : `:${m.line}`}${m.path ? ` ${m.path}` : ""}: ${m.message}`);
  return `${[head, counts, `${s.requests} upstream requests`, ...bad].join("\n")}\n`;
}
