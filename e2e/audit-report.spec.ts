import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { asNewClient, expectAccessible, screenshots } from "./support";

interface Expected {
  releases: Record<string, { class: 0 | 1 | 2 | 3; gated: boolean }>;
}

const expected = (JSON.parse(readFileSync("tests/fixtures/releases/expected.json", "utf8")) as Expected).releases;
const TITLES = ["Unclassified", "Class I", "Class II", "Class III"] as const;

test.beforeEach(async ({ page }) => asNewClient(page));

test("a pasted URL leads to the model's report", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Model URL or id").fill("https://huggingface.co/allenai/OLMo-7B/tree/main");
  await page.getByRole("button", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/models\/allenai\/OLMo-7B$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("allenai/OLMo-7B");
  await expect(page.getByTestId("grade")).toHaveText(/^Class III\b/, { timeout: 30_000 });
  await expect(page.getByTestId("component")).toHaveCount(17);
  await expect(page.getByTestId("next-steps")).toContainText("Evaluation data");
  await expect(page.getByRole("link", { name: "Apache-2.0" }).first()).toHaveAttribute("href", "https://spdx.org/licenses/Apache-2.0.html");
  await expectAccessible(page);
  await screenshots(page, "report-olmo");
});

for (const [id, release] of Object.entries(expected)) {
  test(`grades ${id} as ${TITLES[release.class]}`, async ({ page }) => {
    const response = await page.goto(`/models/${id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("grade")).toHaveText(new RegExp(`^${TITLES[release.class]}(\\s|\\(|$)`), { timeout: 30_000 });
  });
}

test("the gated Llama 2 report says so and is provisional", async ({ page }) => {
  await page.goto("/models/meta-llama/Llama-2-7b-hf");
  await expect(page.getByText("Gated release", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("grade")).toContainText("Unclassified");
  await expect(page.locator('[data-cid="10"]')).toHaveAttribute("data-status", "invalid");
  await expectAccessible(page);
  await screenshots(page, "report-llama2-gated");
});

test("the permalink, exports and badge of an audited model", async ({ page, request }) => {
  await page.goto("/models/LLM360/Amber");
  const permalink = page.getByTestId("permalink");
  await expect(permalink).toBeVisible({ timeout: 30_000 });
  const href = (await permalink.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/r\/[0-9A-Za-z]{10}$/);

  const json = await request.get("/models/LLM360/Amber/report.json");
  expect(json.status()).toBe(200);
  const report = await json.json();
  expect(report.model.id).toBe("LLM360/Amber");
  expect(`/r/${report.id}`).toBe(href);

  const yml = await request.get("/models/LLM360/Amber/mof.yml");
  expect(yml.headers()["content-type"]).toContain("application/yaml");
  expect(yml.headers()["content-disposition"]).toContain("attachment");
  const record = await yml.text();
  expect(record).toContain("Model Openness Framework");
  expect(record.startsWith("# MOT record for LLM360/Amber")).toBe(true);
  // the card body links its datasets, so they are found; evaluation data is what Amber lacks
  expect(record).toContain("#   - Evaluation data, Class II: not found");

  const md = await request.get("/models/LLM360/Amber/report.md");
  expect(await md.text()).toContain("## MOF openness: LLM360/Amber");

  const badge = await request.get("/badge/LLM360/Amber.svg");
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(badge.headers()["cache-control"]).toBe("public, max-age=3600, stale-while-revalidate=86400");
  expect(await badge.text()).toContain("unclassified");
  const square = await request.get("/badge/LLM360/Amber.svg?style=flat-square");
  expect(square.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'");
  expect(await square.text()).toMatch(/shape-rendering="crispEdges"[\s\S]*>unclassified/);
  expect((await request.get("/badge/LLM360/Amber.svg?style=Flat")).status()).toBe(400);
  await expect(page.getByTestId("badge-styles")).toContainText("style=flat-square or style=for-the-badge");

  const api = await request.get("/api/v1/audit?url=https://huggingface.co/LLM360/Amber");
  expect(api.status()).toBe(200);
  expect(api.headers()["x-mofscope-cache"]).toBe("hit");

  await page.goto(href);
  await expect(page.getByTestId("grade")).toHaveText(/^Unclassified/);
  await expectAccessible(page);
  await screenshots(page, "snapshot-amber");
});

test("history lists snapshots and shows what changed after a re-audit", async ({ page }) => {
  await page.goto("/models/EleutherAI/pythia-160m");
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Re-audit now" }).first().click();
  await expect(page.getByText("Re-audited just now.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Snapshots \(\d+\)/ })).toBeVisible();
  await expect(page.getByTestId("diff")).toContainText("No change");
  await expectAccessible(page);
  await screenshots(page, "history");
});

test("keyboard only: URL box, Enter, report, compare link", async ({ page }) => {
  await page.goto("/");
  // skip link, brand, five nav links, then the URL box
  for (let i = 0; i < 8 && !(await page.getByLabel("Model URL or id").evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByLabel("Model URL or id")).toBeFocused();
  await page.keyboard.type("mistralai/Mistral-7B-v0.1");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/models\/mistralai\/Mistral-7B-v0.1$/);
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  const compare = page.getByRole("link", { name: "Compare with other models" });
  await compare.focus();
  await expect(compare).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare\?m=mistralai\/Mistral-7B-v0.1$/);
});
