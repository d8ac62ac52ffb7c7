import { type ChildProcess, spawn } from "node:child_process";
import { APP_PORT, E2E_ENV } from "../playwright.config";

export interface SpawnedApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts another `next start` of the same build on the app's port + `offset` (so runs with E2E_APP_PORT set never
 * collide), with env overrides, and waits until it answers.
 */
export async function spawnApp(offset: number, env: Record<string, string> = {}): Promise<SpawnedApp> {
  const port = APP_PORT + offset;
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, ...E2E_ENV, ...env },
    stdio: "ignore",
    detached: false,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`next start on ${port} did not come up`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
