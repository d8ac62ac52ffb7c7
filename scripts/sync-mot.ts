import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isFetchFailure } from "@/lib/fetchers/errors";
import { createUpstream } from "@/lib/fetchers/upstream";
import { hashModelFiles, readManifest, writeManifest } from "@/lib/registry/manifest";
import { formatSyncSummary, syncRegistry } from "@/lib/registry/sync";

// npm run sync:mot [-- --dir registry/mot] [--rehash]; exit 0 done, 2 bad manifest or folder, 3 upstream failure
const USAGE = `Usage: npm run sync:mot -- [--dir DIR] [--rehash]
  --dir DIR   registry folder holding manifest.json and models/ (default registry/mot)
  --rehash    recompute the manifest's blob shas from the files on disk, without any request
Environment: GITHUB_API_URL, GITHUB_TOKEN.
`;

const { values } = parseArgs({ options: { dir: { type: "string" }, rehash: { type: "boolean" }, help: { type: "boolean" } } });
const dir = resolve(values.dir ?? "registry/mot");

async function run(): Promise<number> {
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.rehash) {
    const files = hashModelFiles(dir);
    writeManifest(dir, { ...readManifest(dir), files });
    process.stdout.write(`${Object.keys(files).length} files hashed into ${dir}/manifest.json\n`);
    return 0;
  }
  const summary = await syncRegistry({ dir, upstream: createUpstream() });
  process.stdout.write(formatSyncSummary(summary));
  return 0;
}

process.exitCode = await run().catch((error: unknown) => {
  process.stderr.write(`sync:mot: ${error instanceof Error ? error.message : String(error)}\n`);
  return isFetchFailure(error) ? 3 : 2;
});
