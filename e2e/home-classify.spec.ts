import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const amber = readFileSync("tests/conformance/mot/models/Amber.yml", "utf8");

test.describe("home page and YAML classifier", () => {
  test("renders the URL box, examples and the classifier", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("How open is this model release?");
    await expect(page.getByLabel("Model URL or id")).toBeVisible();
    await expect(page.getByRole("link", { name: "LLM360/Amber" }).first()).toHaveAttribute("href", "/models/LLM360/Amber");
    await expect(page.getByLabel("MOF YAML record", { exact: true })).toBeVisible();
  });

  test("classifies a pasted MOT record (Amber is Class I)", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("MOF YAML record", { exact: true }).fill(amber);
    await page.getByRole("button", { name: "Classify" }).click();
    await expect(page.getByTestId("grade")).toHaveText(/^Class I\b/);
    await expect(page.getByTestId("report")).toContainText("Open Science");
    await expect(page.getByTestId("component")).toHaveCount(17);
    // nothing is stored until a permalink is asked for
    await expect(page.getByRole("link", { name: "Permalink to this result" })).toHaveCount(0);
    await page.getByRole("button", { name: "Make a permalink" }).click();
    const permalink = page.getByRole("link", { name: "Permalink to this result" });
    await expect(permalink).toHaveAttribute("href", /^\/r\/[0-9A-Za-z]{10}$/);
    await permalink.click();
    await expect(page.getByTestId("grade")).toHaveText(/^Class I\b/);
  });

  test("shows a malformed record's error with its line", async ({ page }) => {
    await page.goto("/");
    const broken = "framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: '2024-12-15'\nrelease:\n  name: [unclosed\n";
    await page.getByLabel("MOF YAML record", { exact: true }).fill(broken);
    await page.getByRole("button", { name: "Classify" }).click();
    const errors = page.getByTestId("yaml-errors");
    await expect(errors).toBeVisible();
    await expect(errors).toContainText(/Line \d+/);
  });

  test("names the field and line of a record that fails the schema", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("MOF YAML record", { exact: true }).fill(amber.replace("producer: LLM360", "producer: 42"));
    await page.getByRole("button", { name: "Classify" }).click();
    await expect(page.getByTestId("yaml-errors")).toContainText("release.producer");
    await expect(page.getByTestId("yaml-errors")).toContainText(/Line \d+/);
  });
});
