import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { appEnv, startApp } from "@/tests/helpers/app-server";
import { startMockUpstream } from "@/tests/helpers/mock-upstream";
import { BROWSER_ENCODINGS, benchDir, ensureBuild, fromPageCache, load, sparePort } from "./server";

const MODEL = "LLM360/Amber";

const kb = (n: number) => Number((n / 1024).toFixed(1));

interface BuildManifest {
  rootMainFiles: string[];
  polyfillFiles: string[];
}

/** Gzipped size of the JavaScript a browser loads for a page, from its script tags (noModule polyfills left out). */
export async function clientJs(origin: string, path: string): Promise<{ totalKb: number; runtimeKb: number; beyondKb: number; scripts: number }> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? "")
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .flatMap((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1] ?? []);
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", ".next", "build-manifest.json"), "utf8")) as BuildManifest;
  const runtime = new Set(manifest.rootMainFiles.map((f) => `/_next/${f}`));
  let total = 0;
  let framework = 0;
  for (const src of new Set(srcs)) {
    const bytes = gzipSync(Buffer.from(await (await fetch(`${origin}${src}`)).arrayBuffer())).length;
    total += bytes;
    if (runtime.has(src.split("?")[0] ?? src)) {
      framework += bytes;
    }
  }
  return { totalKb: kb(total), runtimeKb: kb(framework), beyondKb: kb(total - framework), scripts: new Set(srcs).size };
}

/** Cached report page and badge under load (100 connections, 10 s each), and the report page's client JavaScript. */
export async function benchWeb(): Promise<Record<string, Record<string, string | number>>> {
  ensureBuild();
  const mock = await startMockUpstream();
  const app = await startApp(await sparePort(), appEnv(mock, join(benchDir(), "web.sqlite")));
  try {
    const warm = await fetch(`${app.url}/api/v1/audit?url=${MODEL}`);
    if (!warm.ok) {
      throw new Error(`warm-up audit answered ${warm.status}`);
    }
    const report = `${app.url}/models/${MODEL}`;
    const sizes = await fromPageCache(report);
    const page = await load(report, { "accept-encoding": BROWSER_ENCODINGS });
    const plain = await load(report);
    const badge = await load(`${app.url}/badge/${MODEL}.svg`, { "accept-encoding": BROWSER_ENCODINGS });
    const js = await clientJs(app.url, `/models/${MODEL}`);
    return {
      "cached report page, br (as browsers ask)": { ...page, "body KB": kb(sizes.br) },
      "cached report page, uncompressed": { ...plain, "body KB": kb(sizes.identity) },
      "badge SVG": { ...badge },
      "report page client JS": { "gzip KB total": js.totalKb, "framework runtime KB": js.runtimeKb, "beyond runtime KB": js.beyondKb, scripts: js.scripts },
    };
  } finally {
    await app.stop();
    await mock.close();
  }
}
