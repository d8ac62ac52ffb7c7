import { readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { loadDatabaseConfig, openDatabase } from "@/lib/db";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { classifyYaml } from "@/lib/report/classify";

// child process of tests/integration/store-sigkill.test.ts: writes large snapshots to the SQLite file in argv[2]
// forever and prints "<id> <n>" after each save returns; the test SIGKILLs it at some point
const store = createSnapshotStore(await openDatabase(loadDatabaseConfig({ MOFSCOPE_DB: process.argv[2] ?? "" })));
const amber = readFileSync(join(import.meta.dirname, "..", "conformance", "mot", "models", "Amber.yml"), "utf8");
const padding = "x".repeat(120 * 1024);

for (let n = 0; ; n++) {
  const text = amber.replace("name: Amber", `name: Amber-${n}`).replace("Well commented code for the model's architecture", padding);
  const result = classifyYaml(text, `writer-${n}`);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  const stored = await store.save(result.report);
  writeSync(1, `${stored.id} ${n}\n`);
}
