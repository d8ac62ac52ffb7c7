import type { Db } from "./database";
import { openDatabase } from "./database";

const globalForDb = globalThis as unknown as { mofscopeDb?: Db };

/** The process-wide database named by MOFSCOPE_DB (default ./data/mofscope.sqlite), opened once. */
export function defaultDatabase(): Db {
  globalForDb.mofscopeDb ??= openDatabase(process.env.MOFSCOPE_DB ?? "./data/mofscope.sqlite");
  return globalForDb.mofscopeDb;
}
