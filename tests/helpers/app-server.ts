import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

export interface AppServer {
  url: string;
  /** What the server printed on stdout and stderr so far. */
  logs(): string;
  alive(): boolean;
  stop(): Promise<void>;
  /** Kills the server and its wrapper at once (SIGKILL to the group), as a crash would; resolves once it is gone. */
  kill(): Promise<void>;
}

export interface UpstreamUrls {
  hfEndpoint: string;
  githubApiUrl: string;
  arxivApiUrl: string;
}

/**
 * The environment of a server whose upstreams are all the given mock and whose database is a fresh file. The test
 * runner stands where a reverse proxy on the same host would, so loopback is trusted to name the client
 * (`X-Forwarded-For`), and each test can act as its own client.
 */
export function appEnv(mock: UpstreamUrls, db: string, extra: Record<string, string> = {}): Record<string, string> {
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  mkdirSync(dirname(db), { recursive: true });
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
    MOFSCOPE_DB: db,
    MOFSCOPE_TRUST_PROXY: "loopback",
    ...extra,
  };
}

// servers still up when the test process exits (a test timed out while one started) go with it, whole groups
const running = new Set<(signal: NodeJS.Signals) => void>();
process.once("exit", () => {
  for (const kill of running) {
    kill("SIGKILL");
  }
});

/** Starts the production server (`npm run serve`) of the existing build on a loopback port and waits until it answers. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppServer> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.HF_TOKEN;
  delete base.GITHUB_TOKEN;
  const url = `http://127.0.0.1:${port}`;
  // a server left on the port (another run's) would answer in this one's place, with another mock and database
  if (
    await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`port ${port} is taken: another server answers there`);
  }
  // its own process group: tsx runs the server as a child of its own, which a kill of tsx alone would orphan
  const child: ChildProcess = spawn(join(ROOT, "node_modules", ".bin", "tsx"), ["server.ts", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) {
        process.kill(-child.pid, signal);
      }
    } catch {
      // the group is gone
    }
  };
  running.add(killGroup);
  child.once("exit", () => running.delete(killGroup));
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-1_000_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // generous: on a loaded 2-core box the production server takes well over 30 s to answer its first request
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/api/v1/reports/0000000000`, { signal: AbortSignal.timeout(2_000) });
      // another process may hold the port (then this child exits): only this child's own ready line counts
      if (response.status === 404 && output.includes(`ready on ${url}`)) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      killGroup("SIGKILL");
      throw new Error(`the server on ${port} did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    logs: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        // tsx passes SIGTERM on to the server, which closes gracefully
        child.kill("SIGTERM");
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        killGroup("SIGKILL");
      }),
  };
}
