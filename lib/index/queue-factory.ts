import type { Database } from "@/lib/db";
import type { IndexModelStore } from "@/lib/db/index-models";
import { createPgQueue } from "./pg-queue";
import { createLocalQueue, type IndexQueue } from "./queue";
import { queueSettings } from "./queue-settings";

/** The queue the database implies: PostgreSQL's (shared by every worker, durable) or this process's own on SQLite. */
export function createIndexQueue(
  database: Database,
  options: { env: Record<string, string | undefined>; concurrency: number; models: IndexModelStore },
): IndexQueue {
  if (database.driver.kind === "postgres") {
    return createPgQueue({ pool: database.driver.pool, settings: queueSettings(options.env), concurrency: options.concurrency, models: options.models });
  }
  return createLocalQueue(options.concurrency);
}

/** Whether jobs enqueued on this database outlive the process that enqueued them. */
export const queueIsDurable = (database: Database): boolean => database.driver.kind === "postgres";
