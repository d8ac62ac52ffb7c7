import { expect, test } from "@playwright/test";
import { asNewClient } from "./support";

test.beforeEach(async ({ page }) => asNewClient(page));

const scriptNonces = (html: string) => [...new Set([...html.matchAll(/<script[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]))];
const cspNonce = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("a stored report is served from the page cache, with a fresh nonce that runs its scripts", async ({ page, request }) => {
  const path = "/models/mistralai/Mistral-7B-v0.1";
  await expect(page.goto(path)).resolves.toBeTruthy();
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await request.get(path)).headers()["x-mofscope-page-cache"], { timeout: 10_000 }).toBe("hit");

  const [first, second] = [await request.get(path), await request.get(path)];
  const nonces = [cspNonce(first.headers()["content-security-policy"] ?? null), cspNonce(second.headers()["content-security-policy"] ?? null)];
  expect(nonces[0]).not.toEqual(nonces[1]);
  expect(scriptNonces(await first.text())).toEqual([nonces[0]]);
  expect(scriptNonces(await second.text())).toEqual([nonces[1]]);

  // a page from the cache hydrates: its client components (the copy button) work
  const violations: string[] = [];
  page.on("console", (message) => message.text().includes("Content Security Policy") && violations.push(message.text()));
  await page.goto(path);
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await expect(page.getByText(/^(Copied|Copy failed; select the text)$/).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a badge from the cache keeps its own headers", async ({ request }) => {
  const path = "/badge/mistralai/Mistral-7B-v0.1.svg";
  const fresh = await request.get(path);
  await expect.poll(async () => (await request.get(path)).headers()["x-mofscope-page-cache"], { timeout: 10_000 }).toBe("hit");
  const cached = await request.get(path);
  for (const name of ["content-type", "cache-control", "content-security-policy"]) {
    expect(cached.headers()[name], name).toBe(fresh.headers()[name]);
  }
  expect(await cached.text()).toBe(await fresh.text());
});

test("a re-audit drops the cached page, so the next visit shows the new snapshot", async ({ page, request }) => {
  const path = "/models/EleutherAI/pythia-160m";
  await page.goto(path);
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await request.get(path)).headers()["x-mofscope-page-cache"], { timeout: 10_000 }).toBe("hit");
  const before = /data-snapshot-id="([^"]+)"/.exec(await (await request.get(path)).text())?.[1];

  await page.getByRole("button", { name: "Re-audit now" }).first().click();
  await expect(page.getByText("Re-audited just now.")).toBeVisible({ timeout: 30_000 });
  const after = await request.get(path);
  expect(after.headers()["x-mofscope-page-cache"]).toBeUndefined();
  expect(/data-snapshot-id="([^"]+)"/.exec(await after.text())?.[1]).not.toBe(before);
});
