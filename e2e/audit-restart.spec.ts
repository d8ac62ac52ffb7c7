import { expect, test } from "@playwright/test";
import { spawnApp } from "./spawn-app";
import { asNewClient } from "./support";

test.beforeEach(async ({ page }) => asNewClient(page));

test("a permalink survives a server restart (a second server on the same database)", async ({ page, request }) => {
  await page.goto("/models/bigscience/bloom");
  const permalink = page.getByTestId("permalink");
  await expect(permalink).toBeVisible({ timeout: 30_000 });
  const href = (await permalink.getAttribute("href")) ?? "";
  const before = await (await request.get(`/api/v1/reports/${href.slice(3)}`)).json();

  const second = await spawnApp(8);
  try {
    const response = await fetch(`${second.url}${href}`);
    expect(response.status).toBe(200);
    const after = await (await fetch(`${second.url}/api/v1/reports/${href.slice(3)}`)).json();
    expect(after).toEqual(before);
  } finally {
    await second.stop();
  }
});

test("an unknown model gets a 404 page with a next step, before any streaming", async ({ page }) => {
  const response = await page.goto("/models/acme/no-such-model");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("audit-error")).toHaveAttribute("data-code", "not_found");
  await expect(page.getByRole("link", { name: "Audit another model" })).toBeVisible();
});

test("an unreachable upstream gives an error page with a retry", async ({ page }) => {
  test.setTimeout(90_000);
  // port 9 (discard) refuses connections: every upstream is down for this server
  const down = await spawnApp(9, {
    HF_ENDPOINT: "http://127.0.0.1:9",
    GITHUB_API_URL: "http://127.0.0.1:9",
    ARXIV_API_URL: "http://127.0.0.1:9",
    MOFSCOPE_DB: "test-results/e2e/down.sqlite",
  });
  try {
    const response = await page.goto(`${down.url}/models/allenai/OLMo-7B`);
    // a refused connection is an upstream error (502) on the page and in the API alike: one table decides both
    expect(response?.status()).toBe(502);
    const error = page.getByTestId("audit-error");
    await expect(error).toHaveAttribute("data-code", "upstream_error");
    await expect(page.getByRole("link", { name: "Try again" })).toHaveAttribute("href", "/models/allenai/OLMo-7B");
    const api = await fetch(`${down.url}/api/v1/audit?url=allenai/OLMo-7B`, { headers: { "x-forwarded-for": "10.99.0.1" } });
    expect(api.status).toBe(502);
    expect((await api.json()).error.code).toBe("upstream_error");
  } finally {
    await down.stop();
  }
});
