import { expect, type Page, test } from "@playwright/test";
import BetterSqlite3 from "better-sqlite3";
import { APP_PORT } from "../playwright.config";
import { type AppServer, appEnv, startApp } from "../tests/helpers/app-server";
import { type MockUpstream, startMockUpstream } from "../tests/helpers/mock-upstream";
import { asNewClient, expectAccessible } from "./support";

// its own mock (generated models whose commit the test moves) and its own server and database
const DB = "test-results/e2e/freshness.sqlite";
let mock: MockUpstream;
let app: AppServer;

test.beforeAll(async () => {
  mock = await startMockUpstream({ synthetic: { count: 4, seed: 31, orgs: 1 } });
  app = await startApp(APP_PORT + 24, appEnv(mock, DB));
});

test.afterAll(async () => {
  await app?.stop();
  await mock?.close();
});

// the window since the model's last head check has passed (as an hour would), without waiting an hour
function windowPassed(id: string): void {
  const db = new BetterSqlite3(DB);
  try {
    db.prepare("UPDATE index_models SET head_checked_at = ? WHERE model_key = ?").run("2000-01-01T00:00:00.000Z", `hf:${id.toLowerCase()}`);
  } finally {
    db.close();
  }
}

const headChecks = (id: string) => mock.requests.filter((r) => r.path.startsWith(`/api/models/${id}/revision/main`)).length;

async function auditOnce(page: Page, id: string): Promise<void> {
  await page.goto(`${app.url}/models/${id}`);
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
}

test("a report whose model moved on says so on a later view, and on its badge, after one check of the Hub", async ({ page, request }) => {
  await asNewClient(page);
  const id = "synthetic-org-0/gen-model-00001";
  await auditOnce(page, id);
  mock.synthetic?.moveCommit(id);
  windowPassed(id);

  // this view renders from the snapshot at once; the check it starts runs after the response
  await page.reload();
  await expect(page.getByTestId("grade")).toBeVisible();
  const notice = page.getByTestId("stale-notice");
  await expect(async () => {
    await page.reload();
    await expect(notice).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(notice).toContainText("stale: the repository changed on 2026-01-02; re-audit");
  await expectAccessible(page);
  const badge = await request.get(`${app.url}/badge/${id}.svg`);
  expect(await badge.text()).toContain("(stale)");
  // every view and the badge shared the one check of this window
  expect(headChecks(id)).toBe(1);

  await notice.getByRole("button", { name: /Re-audit/ }).click();
  await expect(page.getByText("Re-audited just now.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("stale-notice")).toHaveCount(0);
});

test("a check that fails leaves the page whole and the report not stale", async ({ page }) => {
  await asNewClient(page);
  const id = "synthetic-org-0/gen-model-00002";
  await auditOnce(page, id);
  mock.synthetic?.moveCommit(id);
  mock.setFaults([{ path: `/api/models/${id}/revision/main`, status: 503 }]);
  windowPassed(id);
  for (let view = 0; view < 3; view++) {
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("grade")).toBeVisible();
  }
  await expect.poll(() => headChecks(id)).toBe(1);
  await page.reload();
  await expect(page.getByTestId("stale-notice")).toHaveCount(0);
  mock.setFaults([]);
});
