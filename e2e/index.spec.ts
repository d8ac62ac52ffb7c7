import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { APP_PORT } from "../playwright.config";
import type { AppServer } from "../tests/helpers/app-server";
import { type MockUpstream, startMockUpstream } from "../tests/helpers/mock-upstream";
import { runCli } from "../tests/helpers/run-cli";
import { spawnApp } from "./spawn-app";
import { asNewClient, expectAccessible, screenshots } from "./support";

// audited through the app, against the e2e mock's recorded releases
const AUDITED = ["LLM360/Amber", "allenai/OLMo-7B", "moxin-org/moxin-llm-7b", "LLM360/CrystalCoder"];
const SYNTHETIC_ORG = "synthetic-org-0";

// a server and database of this file's own, so the counts are this file's models whatever other specs audited
const OFFSET = 40;
const DB = "test-results/e2e/index.sqlite";
test.use({ baseURL: `http://127.0.0.1:${APP_PORT + OFFSET}` });

let app: AppServer;
let synthetic: MockUpstream;
let moved = "";

// `mofscope index` against a synthetic Hub of its own, on the app's database: three models of one organisation are
// listed and audited, then one of them gets a new commit that a second run records but cannot audit (so it is stale)
test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  rmSync(DB, { force: true });
  app = await spawnApp(OFFSET, { MOFSCOPE_DB: DB });
  for (const [n, id] of AUDITED.entries()) {
    const response = await request.get(`/api/v1/audit?url=${encodeURIComponent(id)}`, { headers: { "x-forwarded-for": `10.91.0.${n + 1}` } });
    expect(response.status(), id).toBe(200);
  }
  synthetic = await startMockUpstream({ synthetic: { count: 6, seed: 11, orgs: 2 } });
  const env = {
    HF_ENDPOINT: synthetic.hfEndpoint,
    GITHUB_API_URL: synthetic.githubApiUrl,
    ARXIV_API_URL: synthetic.arxivApiUrl,
    MOFSCOPE_DB: DB,
  };
  const run = await runCli(["index", "--author", SYNTHETIC_ORG, "--json"], env);
  expect(run.code, run.stderr).toBe(0);
  const summary = JSON.parse(run.stdout);
  // a second worker (after a failure) finds them audited already
  expect(summary).toMatchObject({ listed: 3, failed: 0 });
  expect(summary.audited + summary.unchanged).toBe(3);
  moved = synthetic.synthetic?.ids.find((id) => id.startsWith(SYNTHETIC_ORG)) ?? "";
  synthetic.synthetic?.moveCommit(moved);
  // the re-audit of the moved model fails (the Hub answers 500 for it): the listing has recorded its new commit, its
  // report stays the old one, so it is stale
  synthetic.setFaults([{ path: `/api/models/${moved}`, status: 500 }]);
  const relist = await runCli(["index", "--author", SYNTHETIC_ORG, "--json"], env);
  expect(relist.code, relist.stderr).toBe(0);
  expect(JSON.parse(relist.stdout)).toMatchObject({ listed: 3, audited: 0, unchanged: 2, failed: 1 });
});

test.afterAll(async () => {
  await synthetic?.close();
  await app?.stop();
});

test.beforeEach(async ({ page }) => asNewClient(page));

const rows = (page: import("@playwright/test").Page) => page.getByTestId("leaderboard-row");

test("the index ranks every audited model, filters, sorts, pages, exports and links each to its report", async ({ page, request }) => {
  await page.goto("/index");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Openness index");
  await expect(page.getByTestId("index-total")).toHaveText(`${AUDITED.length + 3} of ${AUDITED.length + 3} models`);
  await expect(rows(page)).toHaveCount(AUDITED.length + 3);
  await expect(page.getByTestId("index-summary")).toContainText(`of ${AUDITED.length + 3} audited models reach Class III or higher`);
  // the chart's figures are text, not only bar lengths
  const chart = page.getByTestId("class-distribution");
  await expect(chart).toContainText(`Class distribution of ${AUDITED.length + 3} models`);
  for (const cls of ["Class I", "Class II", "Class III", "Unclassified"]) {
    await expect(chart.getByText(cls, { exact: true })).toBeVisible();
  }
  // most open first: a row's class never ranks above the row before it
  const order = { "1": 3, "2": 2, "3": 1, "0": 0 } as Record<string, number>;
  const ranks = (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-class") ?? ""))).map((c) => order[c] ?? -1);
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  expect(ranks.at(0)).toBeGreaterThan(ranks.at(-1) ?? 0);
  await expectAccessible(page);
  await screenshots(page, "index");

  // the stale filter finds the model whose commit moved after its audit
  await page.getByLabel("Freshness").selectOption("true");
  await page.getByRole("button", { name: "Show models" }).click();
  await expect(page).toHaveURL(/\/index\?stale=true$/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(moved);
  await expect(rows(page).first()).toContainText("stale: newer commit");

  // an organisation and a sort by downloads: the synthetic listing's counts, largest first
  await page.goto(`/index?org=${SYNTHETIC_ORG}`);
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole("link", { name: "Downloads" }).click();
  await expect(page).toHaveURL(new RegExp(`org=${SYNTHETIC_ORG}&sort=downloads$`));
  const downloads = (await rows(page).locator("td:nth-child(5)").allTextContents()).map((t) => Number(t.replaceAll(",", "")));
  expect(downloads).toHaveLength(3);
  expect(downloads).toEqual([...downloads].sort((a, b) => b - a));

  // a page at a time by cursor, and back to the first
  await page.goto("/index?limit=2");
  await expect(rows(page)).toHaveCount(2);
  const firstPage = await rows(page).locator("td:first-child a").first().textContent();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows(page)).toHaveCount(2);
  expect(await rows(page).locator("td:first-child a").first().textContent()).not.toBe(firstPage);
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);

  // a bad filter is named, not ignored
  // a query that does not read is a 400, its notice naming the parameter; so is a cursor this list never gave out
  const badClass = await page.goto("/index?class=7");
  expect(badClass?.status()).toBe(400);
  await expect(page.getByTestId("index-error")).toContainText("class must be 1, 2 or 3");
  const badCursor = await page.goto(`/orgs/${SYNTHETIC_ORG}?cursor=not-one-of-ours`);
  expect(badCursor?.status()).toBe(400);
  await expect(page.getByTestId("index-error")).toContainText("cursor");

  // exports: CSV of every match, JSON of the API
  await page.goto(`/index?org=${SYNTHETIC_ORG}`);
  const csvHref = await page.getByRole("link", { name: "CSV (all matches)" }).getAttribute("href");
  expect(csvHref).toBe(`/api/v1/index?org=${SYNTHETIC_ORG}&format=csv`);
  const csv = await request.get(csvHref ?? "");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(4);
  const json = await (await request.get((await page.getByRole("link", { name: "JSON (API)" }).getAttribute("href")) ?? "")).json();
  expect(json.total).toBe(3);

  // each row opens its report page
  await page.goto("/index");
  const amber = rows(page).getByRole("link", { name: "LLM360/Amber", exact: true });
  await expect(amber).toHaveAttribute("href", "/models/LLM360/Amber");
  await amber.click();
  await expect(page).toHaveURL(/\/models\/LLM360\/Amber$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("LLM360/Amber");
});

test("an organisation's page grades its releases and names the most common gap; an unknown one is a 404", async ({ page }) => {
  await page.goto(`/orgs/${SYNTHETIC_ORG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SYNTHETIC_ORG);
  await expect(page.getByTestId("org-summary")).toHaveText(/^\d of 3 audited releases reach Class III or higher; the most common gap: [a-z].+\.$/);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId("class-distribution")).toContainText("Class distribution of 3 releases");
  await expectAccessible(page);
  await screenshots(page, "org");

  await page.goto("/orgs/llm360");
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("org-summary")).toContainText("of 2 audited releases");

  const unknown = await page.goto("/orgs/no-such-org-anywhere");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No such organisation in the index");
  const invalid = await page.goto("/orgs/..%2F..%2Fetc");
  expect(invalid?.status()).toBe(404);
});

test("the home page shows the index's headline figures and links to it", async ({ page }) => {
  await page.goto("/");
  const headline = page.getByTestId("index-headline");
  await expect(headline).toContainText(`${AUDITED.length + 3} models graded`);
  await expect(headline).toContainText("Class I:");
  await headline.getByRole("link", { name: "See the openness index" }).click();
  await expect(page).toHaveURL(/\/index$/);
});

test("before anything is audited the index says so and how to start", async ({ page }) => {
  const empty = await spawnApp(30, { MOFSCOPE_DB: "test-results/e2e/index-empty.sqlite" });
  try {
    await page.goto(`${empty.url}/index`);
    await expect(page.getByTestId("index-empty")).toContainText("No model has been audited yet.");
    await expect(rows(page)).toHaveCount(0);
    await screenshots(page, "index-empty");
    await page.goto(`${empty.url}/`);
    await expect(page.getByTestId("index-headline")).toContainText("No model has been graded yet");
  } finally {
    await empty.stop();
  }
});
