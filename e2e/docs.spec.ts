import { expect, test } from "@playwright/test";
import { expectAccessible, screenshots } from "./support";

test("the API reference is one click from every page, readable and accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "API docs" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "HTTP API" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "GET /api/v1/audit?url=<model URL or org/name>" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "api-docs");
});
