// one process starting on a database file: once loaded it says "ready" and waits for a line on stdin, so that several
// such processes open (and migrate) the same fresh file at the same moment; then it prints "migrated" or the error
import { once } from "node:events";
import { loadDatabaseConfig, openDatabase } from "@/lib/db";

const config = loadDatabaseConfig({ MOFSCOPE_DB: process.argv[2] ?? "" });
process.stdout.write("ready\n");
await once(process.stdin, "data");
try {
  const database = await openDatabase(config);
  await database.close();
  process.stdout.write("migrated\n");
} catch (error) {
  process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
}
