import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { auditFolder } from "@/lib/audit";
import { loadUpstreamConfig } from "@/lib/fetchers/config";
import { openReleaseFolder } from "@/lib/fetchers/local";
import { createUpstream } from "@/lib/fetchers/upstream";
import { type FolderEntry, makeReleaseFolder } from "@/tests/helpers/release-folder";

const CARD = `---\nlicense: apache-2.0\nlibrary_name: transformers\ndatasets: [acme/corpus]\n---\n# Tiny\n\n${"A written card. ".repeat(40)}\n`;
const GB = 1024 ** 3;

function shardedFolder(shards: number, shardBytes: number, extraFiles: number): string {
  const entries: Record<string, FolderEntry> = { "README.md": CARD, "config.json": JSON.stringify({ architectures: ["LlamaForCausalLM"] }) };
  for (let i = 1; i <= shards; i++) {
    entries[`model-${String(i).padStart(5, "0")}-of-${String(shards).padStart(5, "0")}.safetensors`] = { sparse: shardBytes };
  }
  const root = makeReleaseFolder(entries);
  mkdirSync(join(root, "extra"));
  for (let i = 0; i < extraFiles; i++) {
    writeFileSync(join(root, "extra", `${i}.txt`), "");
  }
  return root;
}

/** An offline audit of release folders: time, files listed and bytes read (cards and config only, whatever the size). */
export async function benchFolder(): Promise<Record<string, Record<string, string | number>>> {
  const config = loadUpstreamConfig({});
  const deps = { upstream: () => createUpstream(config), now: () => new Date() };
  const cases: [string, string][] = [
    ["100 GB in 50 weight shards", shardedFolder(50, 2 * GB, 0)],
    ["100 GB and 10,000 more files", shardedFolder(50, 2 * GB, 10_000)],
  ];
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, root] of cases) {
    const start = performance.now();
    const outcome = await auditFolder(root, { ...deps, offline: true });
    const ms = performance.now() - start;
    if (!outcome.ok) {
      throw new Error(outcome.error.message);
    }
    const release = await openReleaseFolder(root);
    rows[name] = {
      "audit ms": Math.round(ms),
      "files listed": release.listing.files.length,
      "bytes read": release.bytesRead(),
      "GB on disk listed": Math.round(release.listing.files.reduce((sum, f) => sum + f.size, 0) / GB),
    };
  }
  return rows;
}
