import { expect, test } from "@playwright/test";
import { APP_PORT } from "../playwright.config";
import { type AppServer, appEnv, startApp } from "../tests/helpers/app-server";
import { type MockUpstream, startMockUpstream } from "../tests/helpers/mock-upstream";
import { expectAccessible, screenshots } from "./support";

// its own mock, so the test can hold the third round (GitHub repositories, arXiv papers) until it has looked
let mock: MockUpstream;
let app: AppServer;

test.beforeAll(async () => {
  mock = await startMockUpstream();
  // the held requests must outlast the checks made while they wait (axe, screenshots), on a loaded machine too
  app = await startApp(APP_PORT + 23, appEnv(mock, "test-results/e2e/streaming.sqlite", { MOFSCOPE_UPSTREAM_TIMEOUT_MS: "60000" }));
});

test.afterAll(async () => {
  await app?.stop();
  await mock?.close();
});

test("a report fills in component by component as its sources answer, the grade last, with no layout jump", async ({ page }) => {
  let open = () => {};
  mock.setFaults([{ path: /^\/(github|arxiv)\//, hold: new Promise<void>((resolve) => (open = resolve)) }]);
  // "commit": the document keeps streaming until the audit ends, so waiting for its load would wait for everything
  await page.goto(`${app.url}/models/allenai/OLMo-7B`, { waitUntil: "commit" });

  // the model info and the card have answered: their components are settled while code and paper still wait
  const settled = (name: string) => page.getByTestId("component").filter({ has: page.getByRole("heading", { name, exact: true }) });
  const pending = (name: string) => page.getByTestId("component-pending").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await expect(settled("Model parameters (Final)")).toBeVisible({ timeout: 30_000 });
  await expect(settled("Model card")).toBeVisible();
  await expect(pending("Research paper")).toBeVisible();
  await expect(pending("Training code")).toBeVisible();
  await expect(page.getByTestId("grade")).toHaveCount(0);
  const headingWhilePending = await page.locator("#components-heading").boundingBox();
  await expectAccessible(page);
  await screenshots(page, "report-streaming");

  open();
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("component")).toHaveCount(17);
  await expect(page.getByTestId("component-pending")).toHaveCount(0);
  await expect(settled("Research paper")).toBeVisible();
  // the summary's placeholder holds about the summary's height, so the component list barely moves
  const headingAfter = await page.locator("#components-heading").boundingBox();
  expect(Math.abs((headingAfter?.y ?? 0) - (headingWhilePending?.y ?? 0))).toBeLessThan(120);
});
