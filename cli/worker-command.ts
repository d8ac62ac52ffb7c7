import { parseArgs } from "node:util";
import { closeDefaultDatabase, defaultDatabase } from "@/lib/db";
import { indexModelStore } from "@/lib/db/index-models";
import { createIndexQueue, defaultIndexWiring, queueIsDurable, runIndexJob, settledLine } from "@/lib/index";
import type { CliIo } from "./io";
import { EXIT } from "./io";

const NEEDS_DATABASE =
  "mofscope worker works the PostgreSQL job queue: set DATABASE_URL (postgres://…). On SQLite `mofscope index` audits in its own process and needs no worker.\n";

/** Resolves on the first SIGTERM or SIGINT (a second one ends the process the default way). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      resolve(signal);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}

/** `mofscope worker`: works the PostgreSQL index queue until SIGTERM or SIGINT, then lets in-flight jobs finish. */
export async function workerCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { concurrency: { type: "string" } } });
  const concurrency = values.concurrency === undefined ? 2 : Number(values.concurrency);
  if (!(Number.isInteger(concurrency) && concurrency > 0 && concurrency <= 64)) {
    io.stderr.write("--concurrency takes a whole number from 1 to 64\n");
    return EXIT.badInput;
  }
  if (!io.env.DATABASE_URL?.trim()) {
    io.stderr.write(NEEDS_DATABASE);
    return EXIT.badInput;
  }
  const database = await defaultDatabase();
  if (!queueIsDurable(database)) {
    io.stderr.write(NEEDS_DATABASE);
    return EXIT.badInput;
  }
  const stopped = stopSignal();
  const wiring = await defaultIndexWiring(io.env);
  const queue = createIndexQueue(database, { env: io.env, concurrency, models: indexModelStore() });
  const stop = await queue.work(
    (job) => runIndexJob(job, wiring.job),
    (settled) => io.stdout.write(settledLine(settled)),
  );
  io.stderr.write(`mofscope worker: ${concurrency} at a time on ${database.description}; SIGTERM or SIGINT stops it\n`);
  const signal = await stopped;
  io.stderr.write(`mofscope worker: ${signal}, finishing the jobs in hand\n`);
  await stop();
  await queue.close();
  await closeDefaultDatabase();
  io.stderr.write("mofscope worker: stopped\n");
  return EXIT.ok;
}
