import { APP_PORT, E2E_ENV } from "../playwright.config";
import { type AppServer, startApp } from "../tests/helpers/app-server";

/**
 * Starts another production server of the same build on the app's port + `offset` (so runs with E2E_APP_PORT set
 * never collide), with the e2e environment and overrides, and waits until it answers.
 */
export function spawnApp(offset: number, env: Record<string, string> = {}): Promise<AppServer> {
  return startApp(APP_PORT + offset, { ...E2E_ENV, ...env });
}
