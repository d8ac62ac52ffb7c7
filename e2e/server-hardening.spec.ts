import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { APP_PORT } from "../playwright.config";
import { type AppServer, appEnv, startApp } from "../tests/helpers/app-server";
import { deepNesting, manyKeys } from "../tests/helpers/hostile-yaml";
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
  app = await startApp(
    APP_PORT + 19,
    appEnv(mock, "test-results/e2e/hardening.sqlite", { MOFSCOPE_AUDIT_LIMIT: "3", MOFSCOPE_CLASSIFY_LIMIT: "5", HF_TOKEN, GITHUB_TOKEN }),
  );
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

const amber = readFileSync("tests/conformance/mot/models/Amber.yml", "utf8");

function classify(body: BodyInit, client: string, query = "", signal?: AbortSignal): Promise<Response> {
  return fetch(`${app.url}/api/v1/classify${query}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/yaml", "x-forwarded-for": client },
    ...(signal ? { signal } : {}),
  });
}

test("big YAML mappings: five 66,000-key bodies (260 KB each) get a 400 naming the limit while another route keeps answering", async () => {
  // a generous deadline: the quadratic duplicate-key check took about 53 s for one such body, these take milliseconds
  const deadline = AbortSignal.timeout(10_000);
  const body = manyKeys(66_000);
  const posts = Array.from({ length: 5 }, (_, i) => classify(body, `10.12.0.${i}`, "", deadline));
  const other = fetch(`${app.url}/api/v1/reports/ZZZZZZZZZZ`, { signal: deadline });
  for (const answer of await Promise.all(posts)) {
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { code: string; details: { message: string }[] } };
    expect(error.code).toBe("invalid_yaml");
    expect(error.details[0]?.message).toContain("more than 5,000 YAML tokens");
  }
  expect((await other).status).toBe(404);
});

test("deeply nested YAML gets a 400 naming the depth limit and leaves the server running", async () => {
  // the library's recursion used to abort the whole process on the second of these (10 KB) bodies
  for (const [i, body] of [`${"[".repeat(4_000)}\n`, deepNesting(4_000)].entries()) {
    const answer = await classify(body, `10.12.1.${i}`);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: { details: { message: string }[] } }).error.details[0]?.message).toContain("deeper than 64 levels");
  }
  expect(app.alive()).toBe(true);
  expect((await get("/api/v1/reports/ZZZZZZZZZZ", "10.12.1.9")).status).toBe(404);
});

test("invalid UTF-8 in a posted record gets a 400 naming the byte offset, and nothing is stored", async () => {
  const at = amber.indexOf("Well commented code");
  const body = Buffer.concat([Buffer.from(amber.slice(0, at)), Buffer.from([0xff, 0xfe]), Buffer.from(amber.slice(at))]);
  const answer = await classify(body, "10.12.2.1", "?permalink=1");
  expect(answer.status).toBe(400);
  const { error } = (await answer.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("bad_input");
  expect(error.message).toContain(`the byte at offset ${Buffer.byteLength(amber.slice(0, at))} (0xff)`);
});

/** Declares a body of `bytes`, sends its first kilobyte and no more, and waits up to 10 s for an answer. */
function declareOnly(path: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${app.url}${path}`,
      { method: "POST", headers: { "content-type": "application/yaml", "content-length": String(bytes), "x-forwarded-for": "10.12.3.1" }, timeout: 10_000 },
      (incoming) => {
        let body = "";
        incoming.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        incoming.on("end", () => {
          resolve({ status: incoming.statusCode ?? 0, body });
          outgoing.destroy();
        });
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 10 s: the server is waiting for the body")));
    outgoing.on("error", reject);
    outgoing.write("x".repeat(1024));
  });
}

test("body limits: a declared 10 MB body is refused before it is sent; an undeclared 4 MB stream gets 413, not a truncated parse", async () => {
  for (const path of ["/api/v1/classify", "/"]) {
    const refused = await declareOnly(path, 10 * 1024 * 1024);
    expect(refused.status, path).toBe(413);
    expect(JSON.parse(refused.body), path).toEqual({ error: { code: "payload_too_large", message: "The body is larger than 256 KB." } });
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 64; i++) {
        controller.enqueue(new Uint8Array(64 * 1024).fill(35));
      }
      controller.close();
    },
  });
  const streamed = await fetch(`${app.url}/api/v1/classify`, {
    method: "POST",
    body: stream,
    duplex: "half",
    headers: { "x-forwarded-for": "10.12.3.2" },
  } as RequestInit);
  expect(streamed.status).toBe(413);
  expect(app.alive()).toBe(true);
});

test("classify rate limits: a client's sixth classification gets 429; permalinks share the audits' budget of three", async () => {
  for (let i = 0; i < 5; i++) {
    const answer = await classify(amber, "10.13.0.1");
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { id: string }).id).toBe("");
  }
  const limited = await classify(amber, "10.13.0.1");
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");

  const ids = [];
  for (let i = 0; i < 3; i++) {
    const answer = await classify(amber.replace("name: Amber", `name: Amber-${i}`), "10.13.0.2", "?permalink=1");
    expect(answer.status).toBe(200);
    ids.push(((await answer.json()) as { id: string }).id);
  }
  expect(ids).toEqual([expect.stringMatching(/^[0-9A-Za-z]{10}$/), expect.stringMatching(/^[0-9A-Za-z]{10}$/), expect.stringMatching(/^[0-9A-Za-z]{10}$/)]);
  expect((await classify(amber, "10.13.0.2", "?permalink=1")).status).toBe(429);
  expect((await get("/api/v1/audit?url=LLM360/CrystalCoder", "10.13.0.2")).status).toBe(429);
  // a stored permalink is a cached read, never limited
  expect((await get(`/r/${ids[0]}`, "10.13.0.2")).status).toBe(200);
});
