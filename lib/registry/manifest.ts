import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { gitBlobSha } from "./git-blob-sha";

export const MOT_REPO = "lfai/model_openness_tool";
export const MODELS_FOLDER = "models";

const shaSchema = z.string().regex(/^[0-9a-f]{40}$/, "not a git sha");

export const manifestSchema = z.object({
  /** `owner/name` of the upstream repository. */
  upstream: z.string(),
  branch: z.string(),
  commit: shaSchema,
  /** When the files were last brought in line with `commit`. */
  syncedAt: z.string(),
  /** Git blob sha per file name in `models/`, as the upstream tree lists it. */
  files: z.record(z.string(), shaSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const manifestPath = (dir: string) => join(dir, "manifest.json");
export const modelsPath = (dir: string) => join(dir, MODELS_FOLDER);

/** Reads `<dir>/manifest.json`; throws with the file name when it is missing or malformed. */
export function readManifest(dir: string): Manifest {
  const path = manifestPath(dir);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Writes the manifest with sorted file names, through a rename so a reader never sees half a file. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const tmp = `${manifestPath(dir)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
  renameSync(tmp, manifestPath(dir));
}

/** The blob sha of every `*.yml` in `<dir>/models`, computed from the files on disk. */
export function hashModelFiles(dir: string): Record<string, string> {
  const names = readdirSync(modelsPath(dir)).filter((f) => f.endsWith(".yml"));
  return Object.fromEntries(names.map((f) => [f, gitBlobSha(readFileSync(join(modelsPath(dir), f)))]));
}
