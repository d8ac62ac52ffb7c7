import { expect, test } from "@playwright/test";
import { asNewClient, expectAccessible, screenshots } from "./support";

// each page audits its model first, then runs axe and takes four screenshots
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => asNewClient(page));

test("OLMo-7B: the OSAID verdict beside the MOF grade, every requirement met, and both AI-BOMs to download", async ({ page, request }) => {
  await page.goto("/models/allenai/OLMo-7B");
  await expect(page.getByTestId("grade")).toHaveText(/^Class III\b/, { timeout: 30_000 });
  await expect(page.getByTestId("osaid-verdict")).toHaveAttribute("data-verdict", "meets");
  await expect(page.getByTestId("osaid-word")).toHaveText("Meets");
  const requirements = page.getByTestId("osaid-requirement");
  await expect(requirements).toHaveCount(7);
  await expect(page.locator('[data-testid="osaid-requirement"][data-status="meets"]')).toHaveCount(7);
  await expect(page.locator("#osaid-data-information")).toContainText("Data card and Datasets: ODC-By-1.0");

  const links = page.getByTestId("aibom-links");
  await expect(links).toContainText(/CycloneDX 1\.6 \(\d+ of 28 ML-model fields; OWASP AIBOM generator score [\d.]+\/100\)/);
  const cdx = await request.get((await links.getByRole("link", { name: "CycloneDX 1.6" }).getAttribute("href")) ?? "");
  expect(cdx.headers()["content-type"]).toBe("application/vnd.cyclonedx+json; version=1.6");
  expect((await cdx.json()).metadata.component.name).toBe("OLMo-7B");
  const spdx = await request.get((await links.getByRole("link", { name: "SPDX 3.0.1" }).getAttribute("href")) ?? "");
  expect((await spdx.json())["@context"]).toBe("https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
  const badge = await request.get("/badge/allenai/OLMo-7B.svg?framework=osaid");
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(await badge.text()).toContain('aria-label="OSAID 1.0: meets"');

  await expectAccessible(page);
  await screenshots(page, "osaid-report-olmo");
});

test("Pythia: OSAID met where MOF leaves the release unclassified, and the report says why they differ", async ({ page }) => {
  await page.goto("/models/EleutherAI/pythia-160m");
  await expect(page.getByTestId("grade")).toHaveText(/^Unclassified/, { timeout: 30_000 });
  await expect(page.getByTestId("osaid-verdict")).toHaveAttribute("data-verdict", "meets");
  const disagreements = page.getByTestId("osaid-disagreements");
  await expect(disagreements).toContainText("Evaluation results (missing): MOF requires this component from Class III");
  await expect(disagreements).toContainText("OSAID asks for data information, not for the data itself");
  await page.getByRole("link", { name: "Requirements" }).click();
  await expect(page).toHaveURL(/#osaid$/);
  await expectAccessible(page);
  await screenshots(page, "osaid-report-pythia");
});

test("Amber: a judgement call is named as one, not as a failure", async ({ page }) => {
  await page.goto("/models/LLM360/Amber");
  await expect(page.getByTestId("osaid-word")).toHaveText("Judgement call", { timeout: 30_000 });
  await expect(page.locator("#osaid-supporting-libraries")).toContainText("reviewer's judgement");
});

test("compare: the OSAID row group beside the MOF classes", async ({ page }) => {
  await page.goto("/compare?m=allenai/OLMo-7B,EleutherAI/pythia-160m,mistralai/Mistral-7B-v0.1");
  const group = page.getByTestId("compare-osaid");
  await expect(group).toBeVisible({ timeout: 60_000 });
  await expect(group.locator("tr[data-osaid-differs]")).toHaveCount(8);
  const verdicts = group.locator("tr").nth(1).locator("[data-osaid-status]");
  await expect(verdicts).toHaveCount(3);
  expect(await verdicts.evaluateAll((pills) => pills.map((p) => p.getAttribute("data-osaid-status")))).toEqual(["meets", "meets", "fails"]);
  await expect(group.locator("tr").nth(1)).toHaveAttribute("data-osaid-differs", "true");
  await expect(page.getByTestId("compare-classes")).toContainText("Class III");
  await expectAccessible(page);
  await screenshots(page, "osaid-compare");
});
