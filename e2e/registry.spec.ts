import { expect, test } from "@playwright/test";
import { asNewClient, expectAccessible, screenshots } from "./support";

test.beforeEach(async ({ page }) => asNewClient(page));

const totalOf = async (text: Promise<string | null>) => Number(/of (\d+) models/.exec((await text) ?? "")?.[1] ?? "0");

test("explores /models: filters by class and organisation, searches, pages, opens a record", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" })).toBeVisible();
  await expect(page.getByTestId("models-total")).toContainText(/^1–25 of \d+ models$/);
  expect(await totalOf(page.getByTestId("models-total").textContent())).toBeGreaterThanOrEqual(273);
  await expect(page.getByTestId("model-row")).toHaveCount(25);
  await expect(page.getByTestId("model-row").first()).toContainText("self-reported to MOT");
  await expectAccessible(page);
  await screenshots(page, "models");

  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/\/models\?page=2$/);
  await expect(page.getByTestId("models-total")).toContainText(/^26–50 of/);

  await page.getByLabel("Class").selectOption("1");
  await page.getByLabel("Organisation").selectOption("EleutherAI");
  await page.getByRole("button", { name: "Show models" }).click();
  await expect(page).toHaveURL(/\/models\?class=1&org=EleutherAI$/);
  const rows = page.getByTestId("model-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) {
    expect(text).toMatch(/^Pythia-/);
  }
  await expect(page.getByLabel("Class")).toHaveValue("1");

  await page.getByLabel("Name").fill("pythia-1");
  await page.getByLabel("Sort").selectOption("name");
  await page.getByRole("button", { name: "Show models" }).click();
  await expect(page).toHaveURL(/q=pythia-1&class=1&org=EleutherAI&sort=name/);
  await expect(page.getByTestId("model-row").locator("a")).toHaveText(["Pythia-1.4B", "Pythia-12B", "Pythia-160M", "Pythia-1B"]);

  await page.getByRole("link", { name: "Pythia-1B", exact: true }).click();
  await expect(page).toHaveURL(/\/mot\/Pythia-1B$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pythia-1B");
  await expect(page.getByTestId("self-reported")).toContainText("Self-reported to MOT — not verified by mofscope");

  await page.goto("/models?q=zzzz-no-such-model");
  await expect(page.getByTestId("models-total")).toHaveText("No models match these filters.");
  await page.goto("/models?page=999");
  await expect(page).toHaveURL(/\/models\?page=\d{1,2}$/);
});

test("a registry record reads as self-reported, exports its YAML and badge, and compares with the audit", async ({ page, request }) => {
  await page.goto("/mot/Amber");
  await expect(page.getByTestId("self-reported")).toContainText("Self-reported to MOT — not verified by mofscope");
  await expect(page.getByTestId("grade")).toHaveText(/^Class I\b/);
  await expect(page.getByTestId("component")).toHaveCount(17);
  await expect(page.getByRole("link", { name: "On Hugging Face" })).toHaveAttribute("href", "https://huggingface.co/LLM360/Amber");
  await expect(page.getByRole("link", { name: "Repository", exact: true })).toHaveAttribute("href", "https://github.com/LLM360/amber-train");
  await expect(page.getByRole("link", { name: "Audit LLM360/Amber against the evidence" })).toHaveAttribute("href", "/models/LLM360/Amber");
  await expectAccessible(page);
  await screenshots(page, "registry-record");

  const yaml = await request.get("/mot/Amber/mof.yml");
  expect(yaml.status()).toBe(200);
  expect(yaml.headers()["content-type"]).toContain("application/yaml");
  expect(await yaml.text()).toContain("  name: Amber\n");
  const json = await (await request.get("/mot/Amber/report.json")).json();
  expect(json.model).toMatchObject({ source: "mot", id: "Amber" });
  expect(await (await request.get("/mot/Amber/badge.svg")).text()).toContain("Class I");
  expect((await request.get("/mot/No-Such-Record/mof.yml")).status()).toBe(404);
  expect((await page.goto("/mot/No-Such-Record"))?.status()).toBe(404);

  await page.goto("/mot/Amber");
  await page.getByRole("link", { name: "Compare with the audit" }).click();
  await expect(page).toHaveURL(/\/compare\?m=mot:Amber,LLM360\/Amber$/);
  await expect(page.getByRole("columnheader", { name: "Amber (self-reported to MOT)" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("columnheader", { name: "LLM360/Amber" })).toBeVisible();
  const classes = page.getByTestId("compare-classes").locator("td");
  await expect(classes.first()).toContainText("Class I");
  await expect(classes.nth(1)).not.toContainText("No report");
  await expect(page.getByTestId("compare-matrix").locator("tr[data-differs=true]").first()).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "compare-registry-audit");
});

test("an audited report puts its MOT record's claims beside the evidence", async ({ page }) => {
  await page.goto("/models/allenai/OLMo-7B");
  const claims = page.getByTestId("claims");
  await expect(claims).toBeVisible({ timeout: 60_000 });
  await expect(claims.getByRole("link", { name: "OLMo-7B", exact: true })).toHaveAttribute("href", "/mot/OLMo-7B");
  await expect(page.getByTestId("claims-classes")).toContainText("The MOT record claimsClass I");
  await expect(page.getByTestId("claims-classes")).toContainText("The evidence givesClass III");
  const disagreements = page.getByTestId("disagreements");
  await expect(disagreements.locator("li").first()).toHaveText(
    /^Your MOT record's components give Class I - Open Science Model; the evidence we found gives Class III/,
  );
  await expect(disagreements).toContainText("Your MOT record claims Datasets under Apache-2.0; the dataset card license of allenai/dolma says ODC-By-1.0");
  await expect(disagreements.getByRole("link", { name: /\/datasets\/allenai\/dolma/ }).first()).toBeVisible();
  await expect(disagreements).toContainText("Your MOT record claims Evaluation data");
  await expect(page.getByTestId("claim-row")).toHaveCount(17);
  // the disagreements are announced at the top of the report, linking down to them
  const banner = page.getByTestId("claims-banner");
  await expect(banner).toContainText(`disagrees with the evidence on ${await disagreements.locator("li").count()} points`);
  await banner.getByRole("link", { name: "see claims vs evidence" }).click();
  await expect(page).toHaveURL(/#claims$/);
  await expect(page.locator("[data-testid=claim-row][data-verdict=license_differs]")).toHaveCount(2);
  await expect(page.locator("[data-testid=claim-row][data-verdict=claimed_not_found]")).toHaveCount(1);
  await expect(page.locator("[data-testid=claim-row][data-verdict=found_not_claimed]")).toHaveCount(3);
  await expectAccessible(page);
  await claims.scrollIntoViewIfNeeded();
  await screenshots(page, "claims-olmo");

  await page.goto("/models/LLM360/Amber");
  await expect(page.getByTestId("disagreements")).toContainText(
    // the card body links LLM360/AmberDatasets, whose card says Apache-2.0: a different licence, not a missing dataset
    "Your MOT record claims Datasets under MIT; the dataset card license of LLM360/AmberDatasets says Apache-2.0",
    { timeout: 60_000 },
  );
});

test("a family page lists the variants, registry records and audits together", async ({ page }) => {
  await page.goto("/mot/Pythia-70M");
  await page.getByTestId("family-link").click();
  await expect(page).toHaveURL(/\/families\/eleutherai\/pythia$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pythia family");
  expect(await page.getByTestId("family-variant").count()).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId("family-table").locator("th[scope=col]").nth(2)).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "family-pythia");

  // an audited model joins the family of its MOT records
  await page.goto("/models/LLM360/Amber");
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("family-link").click();
  await expect(page).toHaveURL(/\/families\/llm360\/amber$/);
  const variants = page.getByTestId("family-variant");
  await expect(variants.filter({ hasText: "LLM360/Amber" })).toContainText("audited");
  await expect(variants.filter({ hasText: /^Amber\s*self-reported/ })).toHaveCount(1);
  await expectAccessible(page);
  await screenshots(page, "family-amber");

  await page.goto("/families");
  await expect(page.getByTestId("families").getByRole("link", { name: "Pythia" })).toBeVisible();
  expect((await page.goto("/families/nobody/nothing"))?.status()).toBe(404);
});
