#!/usr/bin/env node
// starts the bundled CLI, building it first when it is missing or older than its sources, so `npx mofscope` works
// straight after `npm install` (which builds it) and after any edit of the checkout
import { pathToFileURL } from "node:url";
import { bundlePaths, ensureBundle } from "./bundle.mjs";

const paths = bundlePaths();
try {
  await ensureBundle(paths, (why) => process.stderr.write(`mofscope: ${why}…\n`));
} catch (error) {
  process.stderr.write(
    `mofscope: cannot build the command line (run npm install in the mofscope checkout): ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(70);
}
const { main } = await import(pathToFileURL(paths.bundle).href);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
