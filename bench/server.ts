import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const ROOT = join(import.meta.dirname, "..");

/** Builds the app unless a production build is already there (the benches start the production server on it). */
export function ensureBuild(): void {
  if (existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    return;
  }
  const result = spawnSync(join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error("next build failed");
  }
}

/** A free loopback port. */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const benchDir = (): string => mkdtempSync(join(tmpdir(), "mofscope-bench-"));

export interface LoadFigures {
  "req/s": number;
  "p99 ms": number;
  "non-2xx": number;
  errors: number;
}

/** autocannon against one URL: 100 connections (unless told) for 10 s, loopback only. */
export async function load(url: string, headers: Record<string, string> = {}, connections = 100): Promise<LoadFigures> {
  if (!url.startsWith("http://127.0.0.1:")) {
    throw new Error(`load runs on loopback only, not ${url}`);
  }
  const result = await autocannon({ url, connections, duration: 10, headers });
  return { "req/s": Math.round(result.requests.average), "p99 ms": result.latency.p99, "non-2xx": result.non2xx, errors: result.errors + result.timeouts };
}

// what Chromium sends with every navigation
export const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

/**
 * Waits until a page is served from the page cache (a load measures cached reads, not the first render), and returns
 * its body sizes, brotli and uncompressed (from Content-Length: undici decodes bodies).
 */
export async function fromPageCache(url: string): Promise<{ br: number; identity: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await fetch(url, { headers: { "accept-encoding": "br" } });
    await response.arrayBuffer();
    if (response.headers.get("x-mofscope-page-cache") === "hit") {
      const plain = await fetch(url, { headers: { "accept-encoding": "identity" } });
      await plain.arrayBuffer();
      return { br: Number(response.headers.get("content-length")), identity: Number(plain.headers.get("content-length")) };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never came from the page cache`);
}
