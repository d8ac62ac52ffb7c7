import { expect, test } from "@playwright/test";
import { asNewClient, expectAccessible, screenshots } from "./support";

test.beforeEach(async ({ page }) => asNewClient(page));

test("compares three audited models, edits the selection in place, survives a reload", async ({ page }) => {
  await page.goto("/compare?m=moxin-org/moxin-llm-7b,allenai/OLMo-7B,LLM360/Amber");
  const matrix = page.getByTestId("compare-matrix");
  await expect(matrix).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("compare-classes")).toContainText("Class III");
  await expect(matrix.locator("tr[data-differs=true]").first()).toBeVisible();
  await expect(matrix.locator("tbody tr[data-differs]")).toHaveCount(17);
  await expectAccessible(page);
  await screenshots(page, "compare-three");

  await page.getByRole("button", { name: "Remove LLM360/Amber" }).click();
  await expect(page).toHaveURL(/\/compare\?m=moxin-org\/moxin-llm-7b,allenai\/OLMo-7B$/);
  await page.getByLabel(/Add a model/).fill("LLM360/CrystalCoder");
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page).toHaveURL(/m=moxin-org\/moxin-llm-7b,allenai\/OLMo-7B,LLM360\/CrystalCoder$/);
  await expect(page.getByRole("columnheader", { name: "LLM360/CrystalCoder" })).toBeVisible({ timeout: 60_000 });

  await page.reload();
  await expect(page.getByRole("columnheader", { name: "LLM360/CrystalCoder" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("columnheader", { name: "allenai/OLMo-7B" })).toBeVisible();
});

test("compares an audited model with a classified YAML snapshot", async ({ page, request }) => {
  const yaml = await request.post("/api/v1/classify?permalink=1", {
    data: (await import("node:fs")).readFileSync("tests/conformance/mot/models/Amber.yml", "utf8"),
  });
  const { id } = await yaml.json();
  await page.goto(`/compare?m=LLM360/Amber,r:${id}`);
  await expect(page.getByRole("columnheader", { name: "Amber (snapshot)" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("compare-classes")).toContainText("Class I");
});
