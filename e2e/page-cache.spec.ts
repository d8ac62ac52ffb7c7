import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { asNewClient } from "./support";

test.beforeEach(async ({ page }) => asNewClient(page));

const HIT = "x-mofscope-page-cache";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc=/.test(m[1] ?? "")).map((m) => m[2] ?? "");

test("a stored report is served from the page cache, compressed, under a policy that lists its own inline scripts' hashes", async ({ page, request }) => {
  const path = "/models/mistralai/Mistral-7B-v0.1";
  await expect(page.goto(path)).resolves.toBeTruthy();
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await request.get(path)).headers()[HIT], { timeout: 10_000 }).toBe("hit");

  const cached = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(cached.headers()["content-encoding"]).toBe("br");
  const html = await cached.text();
  expect(html).toContain("data-snapshot-id=");
  const scriptSrc = /script-src ([^;]*)/.exec(cached.headers()["content-security-policy"] ?? "")?.[1] ?? "";
  expect(scriptSrc).not.toMatch(/unsafe-inline|nonce-|strict-dynamic/);
  const listed = [...scriptSrc.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
  const scripts = inlineScripts(html);
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(listed)).toEqual(new Set(scripts.map(sha256)));

  // the page from the cache hydrates in the browser: no script is refused and its client components work
  const violations: string[] = [];
  page.on("console", (message) => message.text().includes("Content Security Policy") && violations.push(message.text()));
  const response = await page.goto(path);
  expect(response?.headers()[HIT]).toBe("hit");
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await expect(page.getByText(/^(Copied|Copy failed; select the text)$/).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a badge from the cache keeps its own headers", async ({ request }) => {
  const path = "/badge/mistralai/Mistral-7B-v0.1.svg";
  const fresh = await request.get(path);
  await expect.poll(async () => (await request.get(path)).headers()[HIT], { timeout: 10_000 }).toBe("hit");
  const cached = await request.get(path);
  for (const name of ["content-type", "cache-control", "content-security-policy"]) {
    expect(cached.headers()[name], name).toBe(fresh.headers()[name]);
  }
  expect(await cached.text()).toBe(await fresh.text());
});

test("a badge in another style is drawn in that style, never served the cached flat one", async ({ request }) => {
  const path = "/badge/mistralai/Mistral-7B-v0.1.svg";
  await request.get(path);
  await expect.poll(async () => (await request.get(path)).headers()[HIT], { timeout: 10_000 }).toBe("hit");
  for (const [style, drawn] of [
    ["flat-square", 'shape-rendering="crispEdges"'],
    ["for-the-badge", ">UNCLASSIFIED<"],
  ] as const) {
    const variant = await request.get(`${path}?style=${style}`);
    expect(variant.headers()[HIT], style).toBeUndefined();
    expect(await variant.text(), style).toContain(drawn);
  }
  expect((await request.get(`${path}?style=nope`)).status()).toBe(400);
});

test("a re-audit drops the cached page, so the next visit shows the new snapshot", async ({ page, request }) => {
  const path = "/models/EleutherAI/pythia-160m";
  await page.goto(path);
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await request.get(path)).headers()[HIT], { timeout: 10_000 }).toBe("hit");
  const before = /data-snapshot-id="([^"]+)"/.exec(await (await request.get(path)).text())?.[1];

  await page.getByRole("button", { name: "Re-audit now" }).first().click();
  await expect(page.getByText("Re-audited just now.")).toBeVisible({ timeout: 30_000 });
  const after = await request.get(path);
  expect(after.headers()[HIT]).toBeUndefined();
  expect(/data-snapshot-id="([^"]+)"/.exec(await after.text())?.[1]).not.toBe(before);
});
