import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { asNewClient } from "./support";

// tests/fixtures/hf/.../mofscope-test/xss-card and tests/fixtures/hostile/xss-record.yml are synthetic: every field
// carries a payload that calls alert(); a dialog, an injected element, a live javascript: link or a CSP report fails
const xssRecord = readFileSync("tests/fixtures/hostile/xss-record.yml", "utf8");

async function armTraps(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  // hovering and focusing every link gives injected handlers their chance to fire
  for (const link of await page.locator("main a").all()) {
    await link.hover({ timeout: 2_000 }).catch(() => undefined);
  }
  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    const urls = [...document.querySelectorAll("a[href], area[href], iframe[src], form[action], object[data], embed[src]")].map(
      (el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? el.getAttribute("data") ?? "",
    );
    return {
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      scriptUrls: urls.filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)),
      injected: [...document.querySelectorAll("main script, main iframe, main object, main embed, main math, main svg script, img[src='x']")].map((el) =>
        el.outerHTML.slice(0, 80),
      ),
      scriptsWithoutNonce: [...document.scripts].filter((s) => !s.nonce).map((s) => s.outerHTML.slice(0, 80)),
      violations: (window as unknown as { cspViolations: string[] }).cspViolations,
    };
  });
  expect(dom).toEqual({ handlers: [], scriptUrls: [], injected: [], scriptsWithoutNonce: [], violations: [] });
  expect(dialogs).toEqual([]);
}

test.beforeEach(async ({ page }) => asNewClient(page));

test("a model card full of payloads renders inert on the report, permalink, compare and history pages", async ({ page }) => {
  const dialogs = await armTraps(page);
  await page.goto("/models/mofscope-test/xss-card");
  await expect(page.getByTestId("grade")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("mofscope-test/xss-card");
  await expectInert(page, dialogs);
  const permalink = (await page.getByTestId("permalink").getAttribute("href")) ?? "";
  for (const path of [permalink, "/compare?m=mofscope-test/xss-card,LLM360/Amber", "/models/mofscope-test/xss-card/history"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectInert(page, dialogs);
  }
});

test("a YAML record full of payloads renders inert in the classify box and on its permalink", async ({ page, request }) => {
  const dialogs = await armTraps(page);
  await page.goto("/");
  await page.getByLabel("MOF YAML record", { exact: true }).fill(xssRecord);
  await page.getByRole("button", { name: "Classify" }).click();
  await expect(page.getByTestId("grade")).toBeVisible();
  // the payload is shown as text, not parsed as markup
  await expect(page.getByText("<script>alert('yaml-name')</script> classified.")).toBeVisible();
  await expectInert(page, dialogs);

  const posted = await request.post("/api/v1/classify?permalink=1", { data: xssRecord, headers: { "content-type": "application/yaml" } });
  expect(posted.status()).toBe(200);
  const { id } = await posted.json();
  await page.goto(`/r/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<script>alert('yaml-name')</script>");
  await expectInert(page, dialogs);
  await page.goto(`/compare?m=r:${id},LLM360/Amber`);
  await expect(page.getByTestId("compare-matrix")).toBeVisible({ timeout: 30_000 });
  await expectInert(page, dialogs);
});

test("badges and exports of hostile records carry no markup and run nothing", async ({ page, request }) => {
  const dialogs = await armTraps(page);
  const { id } = await (await request.post("/api/v1/classify?permalink=1", { data: xssRecord })).json();
  await request.get("/api/v1/audit?url=mofscope-test/xss-card", { headers: { "x-forwarded-for": "10.66.0.1" } });
  for (const path of [`/r/${id}/badge.svg`, "/badge/mofscope-test/xss-card.svg"]) {
    const badge = await request.get(path);
    expect(badge.headers()["content-type"]).toContain("image/svg+xml");
    expect(badge.headers()["content-security-policy"]).toContain("default-src 'none'");
    const svg = await badge.text();
    expect(svg).not.toMatch(/<script|<foreignObject|\son\w+=|javascript:|href=/i);
    await page.goto(path);
    expect(dialogs).toEqual([]);
  }
  for (const path of [
    `/r/${id}/mof.yml`,
    "/models/mofscope-test/xss-card/report.md",
    "/models/mofscope-test/xss-card/report.json",
    "/models/mofscope-test/xss-card/mof.yml",
  ]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).not.toContain("html");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
});

const PAGE_TYPES = [
  "/",
  "/models/LLM360/Amber",
  "/models/LLM360/Amber/history",
  "/compare?m=LLM360/Amber,allenai/OLMo-7B",
  "/docs/api",
  "/go?url=ftp://x",
  "/no-such-page",
  "/r/ZZZZZZZZZZ",
];
const OTHER_TYPES = [
  "/api/v1/audit?url=LLM360/Amber",
  "/api/v1/reports/ZZZZZZZZZZ",
  "/models/LLM360/Amber/mof.yml",
  "/models/LLM360/Amber/report.md",
  "/models/LLM360/Amber/report.json",
  "/badge/LLM360/Amber.svg",
  "/models/LLM360/Amber/opengraph-image",
];

test("every page type sends a nonce (or, from the cache, hash) CSP without 'unsafe-inline' scripts, nosniff, a referrer policy and frame-ancestors", async ({
  request,
}) => {
  for (const path of [...PAGE_TYPES, ...OTHER_TYPES]) {
    const response = await request.get(path, { headers: { "x-forwarded-for": "10.66.0.2" }, maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect.soft(headers["x-content-type-options"], path).toBe("nosniff");
    expect.soft(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    if (path.endsWith(".svg")) {
      expect.soft(csp, path).toBe("default-src 'none'; style-src 'unsafe-inline'");
      continue;
    }
    expect.soft(csp, path).toContain("frame-ancestors 'none'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect.soft(scriptSrc, path).not.toContain("unsafe-inline");
    if (headers["x-mofscope-page-cache"] === "hit") {
      // a page served again from the cache lists its inline scripts' hashes (e2e/page-cache.spec.ts checks them)
      expect.soft(scriptSrc, path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
      continue;
    }
    expect.soft(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    if (PAGE_TYPES.includes(path)) {
      // every script tag of an HTML page carries this response's nonce
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      const html = await response.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect.soft(tags.length, path).toBeGreaterThan(0);
      expect
        .soft(
          tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
          path,
        )
        .toEqual([]);
    }
  }
});

test("two responses never share a nonce", async ({ request }) => {
  const nonces = await Promise.all([0, 1, 2].map(async () => /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"] ?? "")?.[1]));
  expect(new Set(nonces).size).toBe(3);
});
