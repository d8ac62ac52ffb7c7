// npm's prepare step (every `npm install` and `npm ci` of the checkout): bundles the CLI so its first start is as fast
// as the others. A failed build does not fail the install: the launcher builds on first run and says why it cannot.
import { buildBundle, bundlePaths } from "../cli/bundle.mjs";

const paths = bundlePaths();
try {
  await buildBundle(paths);
  console.log(`mofscope: command line bundled into ${paths.bundle}`);
} catch (error) {
  console.warn(`mofscope: the command line was not bundled (${error instanceof Error ? error.message : String(error)}); it will be built on first run`);
}
