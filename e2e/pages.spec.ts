import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { FORGED_STATUS_PAGES, SPOOF } from "../tests/helpers/edge-requests";
import { asNewClient, expectAccessible, screenshots } from "./support";

const amber = readFileSync("tests/conformance/mot/models/Amber.yml", "utf8");

test.beforeEach(async ({ page }) => asNewClient(page));

test("classifies an uploaded .yml file", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("or upload a .yml file").setInputFiles({ name: "Amber.yml", mimeType: "application/yaml", buffer: Buffer.from(amber) });
  await expect(page.getByLabel("MOF YAML record", { exact: true })).toHaveValue(/Model Openness Framework/);
  await page.getByRole("button", { name: "Classify" }).click();
  await expect(page.getByTestId("grade")).toHaveText(/^Class I\b/);
});

test.describe("API classify", () => {
  test("answers 200 with a stored report for a valid record", async ({ request }) => {
    const response = await request.post("/api/v1/classify", { data: amber, headers: { "content-type": "application/yaml" } });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.class).toBe(1);
    expect(body.model.source).toBe("yaml");
    expect(body.id).toMatch(/^[0-9A-Za-z]{10}$/);
    const again = await request.get(`/api/v1/reports/${body.id}`);
    expect(again.status()).toBe(200);
    expect((await again.json()).label).toBe(body.label);
  });

  test("answers 400 with paths and lines for an invalid record", async ({ request }) => {
    const response = await request.post("/api/v1/classify", {
      data: amber.replace("producer: LLM360", "producer: 42"),
      headers: { "content-type": "application/yaml" },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_yaml");
    expect(body.error.details[0]).toMatchObject({ path: "release.producer", line: 12 });
  });

  test("answers 413 for a body over 256 KB", async ({ request }) => {
    const response = await request.post("/api/v1/classify", { data: `# ${"x".repeat(300 * 1024)}`, headers: { "content-type": "application/yaml" } });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });
});

test("badges a classified record by snapshot", async ({ request }) => {
  const { id } = await (await request.post("/api/v1/classify", { data: amber })).json();
  const badge = await request.get(`/r/${id}/badge.svg`);
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(badge.headers()["cache-control"]).toBe("public, max-age=3600, stale-while-revalidate=86400");
  expect(await badge.text()).toContain("Class I");

  const tall = await request.get(`/r/${id}/badge.svg?style=for-the-badge`);
  expect(tall.status()).toBe(200);
  expect(tall.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'");
  expect(await tall.text()).toMatch(/^<svg [^>]*height="28"[\s\S]*>CLASS I</);

  const refused = await request.get(`/r/${id}/badge.svg?style=plastic`);
  expect(refused.status()).toBe(400);
  expect(refused.headers()["content-type"]).toContain("image/svg+xml");
  expect(refused.headers()["cache-control"]).toBe("no-store");
  expect(await refused.text()).toContain("style must be flat, flat-square or for-the-badge");
});

test("answers 404 with a next step for an unknown snapshot", async ({ page }) => {
  const response = await page.goto("/r/ZZZZZZZZZZ");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing here");
  await expect(page.getByLabel("Model URL or id")).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "not-found");
});

test("answers 400 explaining a URL that names no model", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Model URL or id").fill("https://huggingface.co/datasets/allenai/dolma");
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes("/go?")), page.getByRole("button", { name: "Audit" }).click()]);
  expect(response.status()).toBe(400);
  await expect(page.getByTestId("bad-url-reason")).toContainText("dataset");
  await expectAccessible(page);
  await screenshots(page, "bad-url");
});

test("status pages print only what the server decided: a direct visit is a neutral 404 and no caller text is shown", async ({ page }) => {
  for (const path of FORGED_STATUS_PAGES) {
    const response = await page.goto(path);
    expect.soft(response?.status(), path).toBe(404);
    await expect.soft(page.getByRole("heading", { level: 1 }), path).toHaveText("Nothing here");
    await expect.soft(page.locator("body"), path).not.toContainText("555-0100");
  }
});

test("the 400 page for a pasted text explains by the parser's code and keeps the text only in the box", async ({ page }) => {
  const response = await page.goto(`/go?url=${encodeURIComponent(SPOOF)}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId("bad-url-reason")).toContainText("a user or organisation page, not a model");
  // the text is echoed only as the editable value of the form field, never as the page's words
  await expect(page.locator("main")).not.toContainText("555-0100");
  await expect(page.getByLabel("Model URL or id")).toHaveValue(SPOOF);
});

test("API errors share one shape", async ({ request }) => {
  const missing = await request.get("/api/v1/reports/ZZZZZZZZZZ");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  const bad = await request.get("/api/v1/audit?url=ftp://example.org/x");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("bad_input");
});

test("sends the security headers", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
});

test("home, classified result, snapshot and empty compare pass axe and fit 390 px", async ({ page, request }) => {
  await page.goto("/");
  await expectAccessible(page);
  await screenshots(page, "home");
  await page.getByLabel("MOF YAML record", { exact: true }).fill(amber);
  await page.getByRole("button", { name: "Classify" }).click();
  await expect(page.getByTestId("grade")).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "home-classified");
  const { id } = await (await request.post("/api/v1/classify", { data: amber })).json();
  await page.goto(`/r/${id}`);
  await expect(page.getByTestId("grade")).toHaveText(/^Class I\b/);
  await expectAccessible(page);
  await screenshots(page, "snapshot-yaml");
  await page.goto("/compare");
  await expectAccessible(page);
  await screenshots(page, "compare-empty");
});
