// npm test needs a system Chromium for the browser tests; say how to get one instead of failing obscurely
import { accessSync, constants } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(`mofscope: Chromium not found at ${path}; the browser tests need it.
Fix: sudo apt-get install -y chromium   (Debian/Ubuntu; or set CHROMIUM_PATH to a Chromium binary)
Playwright's own browser download is not used.`);
  process.exit(1);
}
