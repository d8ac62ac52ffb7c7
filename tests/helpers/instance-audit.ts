// one instance's reader, as its own process: once loaded it says "ready" and waits for a line on stdin, so that
// instances read at the same moment; then it reads (auditing if needed) the latest report of the model in argv
// through the loader the pages and routes call, and prints the report's id; run with tsx --conditions react-server
import { once } from "node:events";
import { closeDefaultDatabase, defaultDatabase } from "@/lib/db";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { latestReport } from "@/lib/server/loaders/latest-report";

const [org = "", name = ""] = (process.argv[2] ?? "").split("/");
const ref = modelRefFromRoute(org, name);
if (ref === null) {
  throw new Error(`not a model: ${process.argv[2]}`);
}
await defaultDatabase();
process.stdout.write("ready\n");
await once(process.stdin, "data");
const result = await latestReport(ref, { client: `instance-${process.pid}` });
process.stdout.write(`${JSON.stringify({ id: result.report?.id ?? null, error: result.error?.code ?? null })}\n`);
await closeDefaultDatabase();
