// The CLI runs as one esbuild bundle of cli/main.ts in .cache/cli/ (git-ignored), so a start costs loading one file,
// not transpiling the TypeScript tree. `npm install` builds it (the prepare script); the launcher rebuilds it when a
// file it was built from is newer. Plain JavaScript: it must run before anything is built.
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

// besides the bundled sources: the build settings, and the installed packages (npm rewrites its hidden lockfile on
// every install, while the package files keep the tarball's fixed dates)
const STAMPS = ["cli/bundle.mjs", "tsconfig.json", "package.json", "node_modules/.package-lock.json"];

// the native SQLite binding is loaded from node_modules as it is; the web stack has no business in a CLI
// database drivers load from node_modules, and only for the dialect in use (pg only with DATABASE_URL)
const EXTERNAL = ["better-sqlite3", "pg"];
const FORBIDDEN = /^node_modules\/(next|react|react-dom|react-markdown)\//;

// bundled CommonJS packages call require(), which an ES module does not have
const BANNER = 'import { createRequire as __mofscopeRequire } from "node:module"; const require = __mofscopeRequire(import.meta.url);';

/** Where the bundle and the list of files it was built from live: MOFSCOPE_CLI_CACHE (inside the checkout), else .cache/cli. */
export function bundlePaths(env = process.env) {
  const dir = env.MOFSCOPE_CLI_CACHE || join(ROOT, ".cache", "cli");
  return { dir, bundle: join(dir, "mofscope.mjs"), inputs: join(dir, "inputs.json") };
}

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** True when the bundle exists and every file it was built from is still there and no newer than it. */
export function isFresh(paths) {
  const built = mtimeMs(paths.bundle);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(paths.inputs, "utf8"));
  } catch {
    return false;
  }
  return built !== null && inputs.every((file) => (mtimeMs(join(ROOT, file)) ?? Number.POSITIVE_INFINITY) <= built);
}

// a concurrent start never sees half a file: each build writes its own temporary file and renames it into place
function writeAtomically(path, contents, mtime) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  if (mtime !== undefined) {
    utimesSync(tmp, mtime, mtime);
  }
  renameSync(tmp, path);
}

/** Bundles cli/main.ts into `paths.bundle`; the bundle is dated when the build began, so an edit made meanwhile is seen as newer. */
export async function buildBundle(paths) {
  const began = new Date();
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["cli/main.ts"],
    outfile: paths.bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    banner: { js: BANNER },
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const sources = Object.keys(result.metafile.inputs);
  const pulledIn = sources.filter((file) => FORBIDDEN.test(file));
  if (pulledIn.length > 0) {
    throw new Error(`the CLI bundle must not include the web stack: ${pulledIn.slice(0, 3).join(", ")}`);
  }
  const inputs = [...sources.filter((file) => !file.startsWith("node_modules/")), ...STAMPS.filter((file) => mtimeMs(join(ROOT, file)) !== null)];
  mkdirSync(paths.dir, { recursive: true });
  writeAtomically(paths.inputs, `${JSON.stringify(inputs, null, 1)}\n`);
  writeAtomically(paths.bundle, result.outputFiles[0].contents, began);
}

/** Builds the bundle unless it is fresh; `note` hears why a build runs. */
export async function ensureBundle(paths, note) {
  if (isFresh(paths)) {
    return;
  }
  note(mtimeMs(paths.bundle) === null ? "building the command line (first run)" : "rebuilding the command line (its sources changed)");
  await buildBundle(paths);
}
