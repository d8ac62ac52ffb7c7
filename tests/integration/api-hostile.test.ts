import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_STATUS } from "@/lib/api/errors";
import { parseCompareParam } from "@/lib/report/compare-params";
import { reportSchema } from "@/lib/report/schema";
import { readBadUrl } from "@/lib/server/pages/status-pages";
import { API_FUZZ_RUNS } from "@/tests/helpers/fuzz";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";
import { queryOf, type RelayCapture, startRelayCapture } from "@/tests/helpers/relay-capture";

type Handler = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type ModelHandler = (request: NextRequest, context: { params: Promise<{ org: string; name: string }> }) => Promise<Response>;
let mock: MockUpstream;
let relay: RelayCapture;
let goGet: (request: NextRequest) => Promise<Response>;
let reauditPost: ModelHandler;
let auditGet: (request: NextRequest) => Promise<Response>;
let classifyPost: (request: Request) => Promise<Response>;
let reportGet: Handler;
const amber = readFileSync(join(import.meta.dirname, "..", "conformance", "mot", "models", "Amber.yml"), "utf8");

// the route handlers in-process, on a fresh database and the mock upstream, with a limit no fuzz run reaches
beforeAll(async () => {
  mock = await startMockUpstream();
  // the status pages a handler relays are asked of this stand-in for the renderer
  relay = await startRelayCapture();
  Object.assign(process.env, {
    MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-fuzz-")), "fuzz.sqlite"),
    MOFSCOPE_AUDIT_LIMIT: "100000",
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
  });
  auditGet = (await import("@/app/api/v1/audit/route")).GET;
  classifyPost = (await import("@/app/api/v1/classify/route")).POST;
  reportGet = (await import("@/app/api/v1/reports/[id]/route")).GET as Handler;
  goGet = (await import("@/app/go/route")).GET;
  reauditPost = (await import("@/app/models/[org]/[name]/reaudit/route")).POST as ModelHandler;
});

afterAll(async () => {
  await mock.close();
  await relay.close();
});

/** A 200 whose body satisfies the report schema, or a 4xx `{error:{code,message}}` whose code maps to that status. */
async function expectResultOrTypedError(response: Response): Promise<void> {
  const body = (await response.json()) as { error?: { code: keyof typeof ERROR_STATUS; message: string } };
  if (response.status === 200) {
    expect(reportSchema.safeParse(body).success).toBe(true);
    return;
  }
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error?.message).toBe("string");
  expect(ERROR_STATUS[body.error?.code ?? "internal"]).toBe(response.status);
}

const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
const hostile = fc.constantFrom(
  "",
  " ",
  "..",
  "%",
  "%00",
  "%2e%2e",
  "\u0000",
  "\uffff",
  "😀",
  "<script>",
  "'\"",
  "\\",
  "//",
  "@",
  ":",
  "#",
  "?",
  "\r\n",
  "a".repeat(3000),
);
const urlish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom("https://", "http://", "hf://", "git@github.com:", "", "ftp://", "javascript:"),
      fc.constantFrom("huggingface.co/", "hf.co/", "github.com/", "", "127.0.0.1/", "huggingface.co:8080/", "u:p@huggingface.co/"),
      segment,
      hostile,
      segment,
      fc.constantFrom("", "/", "/tree/main", "@v1", "/blob/main/x", "?a=b#c"),
    )
    .map((parts) => parts.join("")),
  fc.tuple(segment, fc.constantFrom("/", "//", "/../", "%2f"), segment).map((parts) => parts.join("")),
);

describe("GET /api/v1/audit?url=", () => {
  it("answers any url parameter with a report or a typed 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(urlish, async (input) => {
        await expectResultOrTypedError(
          await auditGet(new NextRequest(`http://localhost/api/v1/audit?url=${encodeURIComponent(input)}`, { headers: { "x-forwarded-for": "10.0.0.9" } })),
        );
      }),
      { numRuns: API_FUZZ_RUNS },
    );
  });

  it("answers a missing or repeated url parameter with a typed 400", async () => {
    for (const query of ["", "?url", "?url=&url=x", "?u=allenai/OLMo-7B"]) {
      const response = await auditGet(new NextRequest(`http://localhost/api/v1/audit${query}`));
      expect([400, 404]).toContain(response.status);
      await expectResultOrTypedError(response);
    }
  });
});

describe("GET /api/v1/reports/{id}", () => {
  it("answers any id with a report or a typed 404", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[0-9A-Za-z]{10}$/), hostile), async (id) => {
        const response = await reportGet(new NextRequest(`http://localhost/api/v1/reports/x`), { params: Promise.resolve({ id }) });
        expect([200, 404]).toContain(response.status);
        await expectResultOrTypedError(response);
      }),
      { numRuns: API_FUZZ_RUNS },
    );
  });
});

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  classifyPost(
    new Request("http://localhost/api/v1/classify", {
      method: "POST",
      body,
      headers: { "content-type": "application/yaml", ...headers },
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
  );

describe("POST /api/v1/classify", () => {
  it("answers any body with a report or a typed 4xx", async () => {
    const mutatedAmber = fc
      .tuple(fc.nat({ max: amber.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 20 }))
      .map(([at, cut, insert]) => amber.slice(0, at) + insert + amber.slice(at + cut));
    const yamlish = fc.jsonValue().map((v) => JSON.stringify(v));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 500 }), mutatedAmber, yamlish, fc.uint8Array({ maxLength: 500 })), async (body) => {
        await expectResultOrTypedError(await post(typeof body === "string" ? body : Buffer.from(body)));
      }),
      { numRuns: API_FUZZ_RUNS },
    );
  });

  it("refuses a YAML alias bomb with a typed 400 instead of expanding it", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    const response = await post(`${amber}\nbomb:\n${bomb.replace(/^/gm, "  ")}\n`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; details: { message: string }[] } };
    expect(error.code).toBe("invalid_yaml");
    expect(error.details[0]?.message).toMatch(/alias/i);
  });

  it("refuses a body over 256 KB with 413, whether it declares its length, lies about it or streams it", async () => {
    const big = `# ${"x".repeat(300 * 1024)}`;
    expect((await post(big)).status).toBe(413);
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i++) {
            controller.enqueue(new Uint8Array(16 * 1024).fill(35));
          }
          controller.close();
        },
      });
    expect((await post(stream())).status).toBe(413);
    expect((await post(stream(), { "content-length": "10" })).status).toBe(413);
  });

  it("answers an empty body with a typed 400", async () => {
    const response = await post("");
    expect(response.status).toBe(400);
    await expectResultOrTypedError(response);
  });
});

describe("compare ?m=", () => {
  it("reads any parameter into at most six valid entries without throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc
            .array(
              fc.oneof(
                segment.map((s) => `org/${s}`),
                fc.string(),
                hostile.map((h) => `r:${h}`),
              ),
              { maxLength: 20 },
            )
            .map((items) => items.join(",")),
          fc.array(fc.string(), { maxLength: 4 }),
        ),
        (m) => {
          const { entries, rejected } = parseCompareParam(m);
          expect(entries.length).toBeLessThanOrEqual(6);
          for (const entry of entries) {
            expect(
              entry.kind === "snapshot" ? /^[0-9A-Za-z]{10}$/.test(entry.id) : /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(entry.id),
            ).toBe(true);
          }
          expect(Array.isArray(rejected)).toBe(true);
        },
      ),
      { numRuns: API_FUZZ_RUNS * 10 },
    );
  });
});

describe("GET /go?url=", () => {
  it("redirects or relays the 400 page with only the parser's code and the input; the page's words never quote the input", async () => {
    const marked = urlish.map((input) => `${input}QZXJ`);
    await fc.assert(
      fc.asyncProperty(marked, async (input) => {
        const response = await goGet(new NextRequest(`http://localhost/go?url=${encodeURIComponent(input)}`));
        if (response.status === 303) {
          return;
        }
        expect(response.status).toBe(400);
        const asked = relay.seen.at(-1);
        expect(asked?.url.pathname).toBe("/bad-url");
        expect([...(asked?.url.searchParams.keys() ?? [])].sort()).toEqual(["code", "input"]);
        const page = asked ? readBadUrl(queryOf(asked.url), asked.headers) : null;
        expect(page?.input).toBe(input.slice(0, 300));
        expect(page?.reason).not.toContain("QZXJ");
      }),
      { numRuns: API_FUZZ_RUNS },
    );
  });
});

describe("POST /models/{org}/{name}/reaudit", () => {
  const OWN = "http://localhost";
  const reaudit = (headers: Record<string, string>) =>
    reauditPost(new NextRequest(`${OWN}/models/LLM360/Amber/reaudit`, { method: "POST", headers: { ...headers, "x-forwarded-for": "10.0.0.8" } }), {
      params: Promise.resolve({ org: "LLM360", name: "Amber" }),
    });

  it("refuses any Origin or Sec-Fetch-Site but its own with 403 before any upstream request", async () => {
    const origin = fc.oneof(
      fc.webUrl().map((url) => new URL(url).origin),
      fc.string({ maxLength: 60 }),
      fc.constantFrom("null", `${OWN}:80`, `${OWN}.evil.example`, "https://localhost"),
    );
    const site = fc.constantFrom("cross-site", "same-site", "none", "", "same-origin, cross-site", "Same-Origin");
    const headers = fc.oneof(
      origin.filter((o) => o !== OWN).map((o) => ({ origin: o })),
      site.map((s) => ({ "sec-fetch-site": s })),
      fc.tuple(site, fc.constantFrom(OWN, "https://evil.example")).map(([s, o]) => ({ "sec-fetch-site": s, origin: o })),
    );
    const before = mock.requests.length;
    await fc.assert(
      fc.asyncProperty(headers, async (sent) => {
        // a header value Headers refuses (such as a control character) never reaches a server either
        const clean = Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, value.replace(/[^\x20-\x7e]/g, "")]));
        fc.pre(clean.origin !== OWN || "sec-fetch-site" in clean);
        const response = await reaudit(clean);
        expect(response.status).toBe(403);
        expect(relay.seen.at(-1)?.url.search).toBe("?code=cross_site&model=LLM360%2FAmber");
      }),
      { numRuns: API_FUZZ_RUNS },
    );
    expect(mock.requests.length).toBe(before);
  });

  it("re-audits for its own page and for a client that is not a browser", async () => {
    for (const headers of [{ "sec-fetch-site": "same-origin", origin: OWN }, { origin: OWN }, {}]) {
      const response = await reaudit(headers);
      expect(response.status, JSON.stringify(headers)).toBe(303);
      expect(response.headers.get("location")).toMatch(/^\/models\/LLM360\/Amber\?notice=done$/);
    }
  });
});
