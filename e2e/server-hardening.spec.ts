import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { APP_PORT } from "../playwright.config";
import { type AppServer, appEnv, startApp } from "../tests/helpers/app-server";
import { crossSitePosts, MALFORMED_PATHS, REFUSED_METHODS, rawRequest } from "../tests/helpers/edge-requests";
import { type MockUpstream, startMockUpstream } from "../tests/helpers/mock-upstream";

// one server for the whole file: audit limit 3 per client, recognisable fake tokens, its own mock upstream
const HF_TOKEN = "hf_mofscopeFAKEhfToken0123456789";
const GITHUB_TOKEN = "ghp_mofscopeFAKEghToken0123456789";
let mock: MockUpstream;
let app: AppServer;
const seen: string[] = [];

async function get(path: string, client: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${app.url}${path}`, { headers: { "x-forwarded-for": client }, redirect: "manual" });
  const text = await response.text();
  seen.push(`${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${text}`);
  return { status: response.status, headers: response.headers, text };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  mock = await startMockUpstream();
  app = await startApp(APP_PORT + 19, appEnv(mock, "test-results/e2e/hardening.sqlite", { MOFSCOPE_AUDIT_LIMIT: "3", HF_TOKEN, GITHUB_TOKEN }));
});

test.afterAll(async () => {
  await app?.stop();
  await mock?.close();
});

test("thundering herd: 100 concurrent audits of one uncached model make one audit's requests and get one report", async () => {
  mock.setFaults([{ path: "/", delayMs: 100 }]);
  const before = mock.requests.length;
  // one client with a limit of 3 audits: joining an audit under way must not spend its tokens
  const answers = await Promise.all(Array.from({ length: 100 }, () => get("/api/v1/audit?url=allenai/OLMo-7B", "10.1.1.1")));
  mock.setFaults([]);
  expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
  const reports = answers.map((a) => JSON.parse(a.text) as { id: string; requests: number });
  expect(new Set(reports.map((r) => r.id)).size).toBe(1);
  const upstream = mock.requests.length - before;
  expect(upstream).toBeGreaterThan(0);
  expect(upstream).toBe(reports[0]?.requests);
});

const HOSTILE_URLS = [
  "https://user:pass@huggingface.co/allenai/OLMo-7B",
  "https://huggingface.co@127.0.0.1/allenai/OLMo-7B",
  "https://huggingface.co:8443/allenai/OLMo-7B",
  "http://127.0.0.1/allenai/OLMo-7B",
  "http://[::1]/allenai/OLMo-7B",
  "http://2130706433/allenai/OLMo-7B",
  "http://0x7f.0.0.1/allenai/OLMo-7B",
  "http://169.254.169.254/latest/meta-data",
  "http://localhost/allenai/OLMo-7B",
  "localhost:4010/allenai/OLMo-7B",
  "https://huggingface.co.evil.example/allenai/OLMo-7B",
  "https://evil-huggingface.co/allenai/OLMo-7B",
  "https://huggingfаce.co/allenai/OLMo-7B",
  "https://hf.co.evil.example/allenai/OLMo-7B",
  "https://github.com.evil.example/allenai/OLMo",
  "https://evil.example/https://huggingface.co/allenai/OLMo-7B",
  "https://evil.example#@huggingface.co/allenai/OLMo-7B",
  "ftp://huggingface.co/allenai/OLMo-7B",
  "file:///etc/passwd",
  "gopher://127.0.0.1:4010/_GET",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "//evil.example/allenai/OLMo-7B",
  "\\\\evil.example\\allenai\\OLMo-7B",
];

test("SSRF: user-supplied hosts, ports, schemes and credentials are refused with 400 before any request", async () => {
  const before = mock.requests.length;
  const own = [`${mock.url}/api/models/allenai/OLMo-7B`, `${mock.githubApiUrl}/repos/allenai/OLMo`];
  for (const input of [...HOSTILE_URLS, ...own]) {
    const answer = await get(`/api/v1/audit?url=${encodeURIComponent(input)}`, "10.2.2.2");
    expect.soft(answer.status, input).toBe(400);
    expect.soft(JSON.parse(answer.text), input).toEqual({ error: { code: "bad_input", message: expect.any(String) } });
  }
  expect(mock.requests.slice(before).map((r) => r.path)).toEqual([]);
});

test("rate limit: a client's fourth uncached audit gets 429 with Retry-After; cached reads are never limited", async () => {
  const client = "10.3.3.3";
  for (const id of ["mistralai/Mistral-7B-v0.1", "EleutherAI/pythia-160m", "bigscience/bloom"]) {
    expect((await get(`/api/v1/audit?url=${id}`, client)).status).toBe(200);
  }
  const before = mock.requests.length;
  const limited = await get("/api/v1/audit?url=moxin-org/moxin-llm-7b", client);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(JSON.parse(limited.text).error.code).toBe("rate_limited");
  expect(mock.requests.length).toBe(before);

  const stored = JSON.parse((await get("/api/v1/audit?url=mistralai/Mistral-7B-v0.1", client)).text) as { id: string };
  for (let i = 0; i < 10; i++) {
    const cached = await get("/api/v1/audit?url=mistralai/Mistral-7B-v0.1", client);
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-mofscope-cache")).toBe("hit");
    expect((await get("/badge/mistralai/Mistral-7B-v0.1.svg", client)).text).toContain("unclassified");
    expect((await get(`/r/${stored.id}`, client)).status).toBe(200);
    expect((await get(`/api/v1/reports/${stored.id}`, client)).status).toBe(200);
    expect((await get("/models/EleutherAI/pythia-160m", client)).status).toBe(200);
  }
  expect(mock.requests.length).toBe(before);
});

function staticFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? staticFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

test("tokens reach only their own upstream and appear in no response, log or client bundle", async () => {
  // more traffic that prints errors and upstream URLs: a gated model, a failing source, an unknown model, pages
  mock.setFaults([{ path: "/arxiv/oai", status: 500 }]);
  await get("/api/v1/audit?url=meta-llama/Llama-2-7b-hf", "10.4.4.4");
  await get("/api/v1/audit?url=LLM360/Amber", "10.4.4.4");
  await get("/api/v1/audit?url=acme/no-such-model", "10.4.4.4");
  mock.setFaults([]);
  for (const path of [
    "/",
    "/models/LLM360/Amber",
    "/models/meta-llama/Llama-2-7b-hf",
    "/compare?m=LLM360/Amber,allenai/OLMo-7B",
    "/models/LLM360/Amber/history",
    "/models/LLM360/Amber/mof.yml",
    "/models/LLM360/Amber/report.md",
    "/nope",
  ]) {
    await get(path, "10.5.5.5");
  }
  const hf = mock.requests.filter((r) => !r.path.startsWith("/github/") && !r.path.startsWith("/arxiv/"));
  const gh = mock.requests.filter((r) => r.path.startsWith("/github/"));
  const arxiv = mock.requests.filter((r) => r.path.startsWith("/arxiv/"));
  expect(hf.length * gh.length * arxiv.length).toBeGreaterThan(0);
  expect(new Set(hf.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${HF_TOKEN}`]));
  expect(new Set(gh.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${GITHUB_TOKEN}`]));
  expect(new Set(arxiv.map((r) => r.headers.authorization))).toEqual(new Set([undefined]));

  const secrets = [HF_TOKEN, GITHUB_TOKEN, "mofscopeFAKE"];
  expect(seen.length).toBeGreaterThan(150);
  for (const secret of secrets) {
    expect(seen.filter((text) => text.includes(secret))).toEqual([]);
    expect(app.logs().includes(secret)).toBe(false);
  }
  const bundle = staticFiles(".next/static").map((file) => ({ file, text: readFileSync(file, "utf8") }));
  expect(bundle.length).toBeGreaterThan(0);
  expect(bundle.filter(({ text }) => [...secrets, "HF_TOKEN", "GITHUB_TOKEN"].some((s) => text.includes(s))).map((b) => b.file)).toEqual([]);
});

const raw = (method: string, path: string, headers: Record<string, string> = {}) => rawRequest(app.url, method, path, headers);

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  expect.soft(headers["x-content-type-options"], what).toBe("nosniff");
  expect.soft(headers["x-frame-options"], what).toBe("DENY");
  expect.soft(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect.soft(headers["content-security-policy"] ?? "", what).toContain("frame-ancestors 'none'");
}

test("malformed percent-escapes get 400 (JSON on the API, the error page elsewhere), TRACE gets 405; security headers, no error logged", async () => {
  const logged = app.logs().length;
  for (const path of MALFORMED_PATHS.api) {
    const answer = await raw("GET", path);
    expect.soft(answer.status, path).toBe(400);
    expect.soft(JSON.parse(answer.text), path).toEqual({ error: { code: "bad_input", message: expect.stringMatching(/percent/) } });
    expectSecurityHeaders(answer.headers, path);
  }
  for (const path of MALFORMED_PATHS.pages) {
    const answer = await raw("GET", path);
    expect.soft(answer.status, path).toBe(400);
    expect.soft(answer.headers["content-type"], path).toContain("text/html");
    expect.soft(answer.text, path).toContain("This address is malformed");
    expectSecurityHeaders(answer.headers, path);
    // the relayed page keeps the nonce its scripts were rendered with
    const nonce = /'nonce-([^']+)'/.exec(answer.headers["content-security-policy"] ?? "")?.[1];
    expect.soft(nonce, path).toBeTruthy();
    expect.soft(answer.text.includes(`nonce="${nonce}"`), path).toBe(true);
  }
  for (const [method, path] of REFUSED_METHODS) {
    const answer = await raw(method, path);
    expect.soft(answer.status, `${method} ${path}`).toBe(405);
    expect.soft(answer.headers.allow, `${method} ${path}`).toBe("GET, HEAD, POST, OPTIONS");
    expectSecurityHeaders(answer.headers, `${method} ${path}`);
  }
  expect((await raw("TRACE", "/api/v1/audit")).text).toContain('"method_not_allowed"');
  // CONNECT reaches Node as a socket, not a request: it gets the same 405, then the connection closes
  const connectAnswer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(new URL(app.url).port), "127.0.0.1", () => socket.write("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("utf8");
    });
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
  expect(connectAnswer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
  expect(connectAnswer).toContain("allow: GET, HEAD, POST, OPTIONS");
  expect(app.logs().slice(logged)).not.toMatch(/error|unsupported/i);
});

test("fuzz: any path with broken escapes and any method gets a 4xx or an answer, never a 500, always with the security headers", async () => {
  const piece = fc.oneof(
    fc.constantFrom("%", "%f", "%ff", "%fe%ff", "%c0%af", "%E0%A4%A", "%ED%A0%80", "%00", "%2e%2e", "%2f", "%zz"),
    fc.stringMatching(/^%[0-9a-fA-F]{1,2}$/),
    fc.stringMatching(/^[A-Za-z0-9._~-]{0,8}$/),
  );
  const path = fc
    .tuple(
      fc.constantFrom("/", "/models/", "/r/", "/api/v1/reports/", "/mot/", "/badge/", "/families/", "/api/v1/"),
      fc.array(piece, { minLength: 1, maxLength: 6 }),
    )
    .map(([prefix, parts]) => prefix + parts.join(""));
  const method = fc.constantFrom("GET", "HEAD", "TRACE", "DELETE", "PUT", "PATCH", "OPTIONS");
  const logged = app.logs().length;
  await fc.assert(
    fc.asyncProperty(method, path, async (m, p) => {
      const answer = await raw(m, p, { "x-forwarded-for": "10.6.6.6" });
      expect(answer.status, `${m} ${p}`).toBeLessThan(500);
      expect(answer.headers["x-content-type-options"], `${m} ${p}`).toBe("nosniff");
    }),
    { numRuns: 100 },
  );
  expect(app.logs().slice(logged)).not.toMatch(/error|unsupported/i);
});

test("cross-site re-audit: a POST from another origin gets 403 and audits nothing; same-origin and non-browser posts work", async () => {
  const path = "/models/EleutherAI/pythia-160m/reaudit";
  for (const [headers, status] of crossSitePosts(app.url)) {
    const before = mock.requests.length;
    const answer = await raw("POST", path, { ...headers, "x-forwarded-for": `10.7.7.${status === 403 ? 1 : Object.keys(headers).length + 2}` });
    const what = JSON.stringify(headers);
    expect.soft(answer.status, what).toBe(status);
    if (status === 403) {
      expect.soft(mock.requests.length - before, what).toBe(0);
      expect.soft(answer.headers["content-type"], what).toContain("text/html");
      expect.soft(answer.text, what).toContain("sent from another site");
      expectSecurityHeaders(answer.headers, what);
    } else {
      expect.soft(answer.headers.location, what).toMatch(/^\/models\/EleutherAI\/pythia-160m\?notice=/);
    }
  }
});

test("cross-site re-audit in Chromium: another site's form is refused, the page's own button still re-audits", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "10.7.8.1" });
  // a page of another origin, served by Playwright, whose form targets this server's re-audit route
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${app.url}/models/EleutherAI/pythia-160m/reaudit"><button>Win a prize</button></form>`,
    }),
  );
  await page.goto("http://evil.example/");
  const before = mock.requests.length;
  const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/reaudit")), page.getByRole("button", { name: "Win a prize" }).click()]);
  expect(refused.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refused: sent from another site");
  expect(mock.requests.length).toBe(before);

  await page.goto(`${app.url}/models/EleutherAI/pythia-160m`);
  const [done] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/reaudit")),
    page.getByRole("button", { name: "Re-audit now" }).first().click(),
  ]);
  expect(done.status()).toBe(303);
  await expect(page.getByText("Re-audited just now.")).toBeVisible({ timeout: 30_000 });
});
