// one instance's reader, as its own process: reads (auditing if needed) the latest report of the model in argv
// through the loader the pages and routes call, and prints the report's id; run with tsx --conditions react-server
import { closeDefaultDatabase } from "@/lib/db";
import { modelRefFromRoute } from "@/lib/report/model-ref";
import { latestReport } from "@/lib/server/loaders/latest-report";

const [org = "", name = ""] = (process.argv[2] ?? "").split("/");
const ref = modelRefFromRoute(org, name);
if (ref === null) {
  throw new Error(`not a model: ${process.argv[2]}`);
}
const result = await latestReport(ref, { client: `instance-${process.pid}` });
process.stdout.write(`${JSON.stringify({ id: result.report?.id ?? null, error: result.error?.code ?? null })}\n`);
await closeDefaultDatabase();
