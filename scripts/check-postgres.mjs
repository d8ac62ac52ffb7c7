// npm test runs the store tests against a throwaway PostgreSQL cluster; say how to get the server binaries instead of failing obscurely
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = "/usr/lib/postgresql";
const custom = process.env.MOFSCOPE_PG_BIN;
const found = custom
  ? existsSync(join(custom, "initdb"))
  : existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, "bin", "initdb")));
if (!found) {
  console.error(`mofscope: PostgreSQL server binaries not found (${custom ? `${custom}/initdb` : `${root}/<version>/bin/initdb`}); the store tests start a throwaway cluster with them.
Fix: sudo apt-get install -y postgresql   (Debian/Ubuntu; or set MOFSCOPE_PG_BIN to a folder holding initdb and pg_ctl)
No server needs to be running: the tests run initdb in a temp folder and remove it afterwards.`);
  process.exit(1);
}
