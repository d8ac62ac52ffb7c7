import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isFetchFailure } from "@/lib/fetchers/errors";
import { createUpstream } from "@/lib/fetchers/upstream";
import { fetchLicenseSnapshot, formatLicenseRefresh, readLicenseCheckout, writeLicenseData } from "@/lib/registry/license-data";

// npm run refresh:mof-data [-- --dir MOT_CHECKOUT] [--out DIR]; exit 0 done, 2 bad checkout or licence file, 3 upstream failure
const USAGE = `Usage: npm run refresh:mof-data -- [--dir MOT_CHECKOUT] [--out DIR]
  --dir DIR   read the licence files of a local lfai/model_openness_tool checkout at its HEAD, without any request
              (default: the head of MOT's default branch on GitHub)
  --out DIR   the folder to rewrite (default lib/mof/data): spdx-licenses.json, mof-licenses.json, source.json
Environment: GITHUB_API_URL, GITHUB_TOKEN.
`;

const { values } = parseArgs({ options: { dir: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } } });

async function run(): Promise<number> {
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const snapshot = values.dir === undefined ? await fetchLicenseSnapshot(createUpstream()) : readLicenseCheckout(resolve(values.dir));
  process.stdout.write(formatLicenseRefresh(writeLicenseData(resolve(values.out ?? "lib/mof/data"), snapshot)));
  return 0;
}

process.exitCode = await run().catch((error: unknown) => {
  process.stderr.write(`refresh:mof-data: ${error instanceof Error ? error.message : String(error)}\n`);
  return isFetchFailure(error) ? 3 : 2;
});
