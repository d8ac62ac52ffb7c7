import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

let client = 0;

/** Each test audits as its own client address, so the per-client audit limit never couples tests. */
export async function asNewClient(page: Page): Promise<void> {
  client += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.77.${process.pid % 250}.${client % 250}` });
}

/** Fails on any serious or critical axe violation, naming each. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Saves full-page screenshots at desktop width and at 390 px under test-results/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync("test-results/screenshots", { recursive: true });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-390.png`, fullPage: true });
  // nothing may overflow sideways at phone width
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  if (original) {
    await page.setViewportSize(original);
  }
}
