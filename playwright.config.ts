import { defineConfig, devices } from "@playwright/test";

export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3123);
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4010);
const mock = `http://127.0.0.1:${MOCK_PORT}`;

/**
 * The environment the app under test runs with: every upstream is the local mock, the database a fresh file, and the
 * test runner trusted as a proxy on this host, so each test names its own client with `X-Forwarded-For`.
 */
export const E2E_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  HF_ENDPOINT: mock,
  GITHUB_API_URL: `${mock}/github`,
  ARXIV_API_URL: `${mock}/arxiv`,
  MOFSCOPE_DB: "test-results/e2e/mofscope.sqlite",
  MOFSCOPE_TRUST_PROXY: "loopback",
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/playwright",
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: { baseURL: `http://127.0.0.1:${APP_PORT}`, trace: "off" },
  projects: [
    {
      name: "system-chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/mock-upstream.ts`,
      url: `${mock}/__health`,
      env: { MOCK_UPSTREAM_PORT: String(MOCK_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `rm -rf test-results/e2e && mkdir -p test-results/e2e && node_modules/.bin/tsx server.ts -H 127.0.0.1 -p ${APP_PORT}`,
      url: `http://127.0.0.1:${APP_PORT}`,
      env: E2E_ENV,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
