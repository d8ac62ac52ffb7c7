import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_STATUS } from "@/lib/api/errors";
import { parseCompareParam } from "@/lib/report/compare-params";
import { reportSchema } from "@/lib/report/schema";
import { API_FUZZ_RUNS } from "@/tests/helpers/fuzz";
import { deepNesting, manyKeys } from "@/tests/helpers/hostile-yaml";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

type Handler = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let mock: MockUpstream;
let auditGet: (request: NextRequest) => Promise<Response>;
let classifyPost: (request: Request) => Promise<Response>;
let reportGet: Handler;
let yamlHistory: (name: string) => unknown[];
const amber = readFileSync(join(import.meta.dirname, "..", "conformance", "mot", "models", "Amber.yml"), "utf8");

// the route handlers in-process, on a fresh database and the mock upstream, with a limit no fuzz run reaches
beforeAll(async () => {
  mock = await startMockUpstream();
  Object.assign(process.env, {
    MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-fuzz-")), "fuzz.sqlite"),
    MOFSCOPE_AUDIT_LIMIT: "100000",
    MOFSCOPE_CLASSIFY_LIMIT: "100000",
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
  });
  auditGet = (await import("@/app/api/v1/audit/route")).GET;
  classifyPost = (await import("@/app/api/v1/classify/route")).POST;
  reportGet = (await import("@/app/api/v1/reports/[id]/route")).GET as Handler;
  const { snapshotStore } = await import("@/lib/db/snapshots");
  yamlHistory = (name) => snapshotStore().history("yaml", name);
});

afterAll(async () => {
  await mock.close();
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

const post = (body: BodyInit | null, headers: Record<string, string> = {}, query = "") =>
  classifyPost(
    new Request(`http://localhost/api/v1/classify${query}`, {
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

  it.each([20_000, 66_000])("refuses a mapping of %i keys with a typed 400 naming the token limit", async (keys) => {
    const response = await post(manyKeys(keys));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; details: { message: string }[] } };
    expect(error.code).toBe("invalid_yaml");
    expect(error.details.map((d) => d.message)).toEqual(["the file has more than 5,000 YAML tokens; a MOT record has under 1,000"]);
  });

  it("refuses a YAML nested past the depth limit with a typed 400 naming it", async () => {
    const response = await post(deepNesting(1_000));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { details: { message: string }[] } };
    expect(error.details[0]?.message).toBe("the YAML nests deeper than 64 levels; a MOT record nests four");
  });

  it.each([
    ["a stray 0xff after a two-byte character", [Buffer.from("a: é\n"), [0xff]], 6, "ff"],
    ["a bad continuation after a genuine U+FFFD", [Buffer.from("x: \uFFFD\n"), [0xc3, 0x28]], 7, "c3"],
    ["a sequence cut short at the end", [Buffer.from("x: y"), [0xe2, 0x82]], 4, "e2"],
    ["an overlong encoding", [[0xc0, 0x80], Buffer.from(": x")], 0, "c0"],
    ["an encoded surrogate", [Buffer.from("k: "), [0xed, 0xa0, 0x80]], 3, "ed"],
    ["a lone continuation byte after a byte order mark", [[0xef, 0xbb, 0xbf], Buffer.from("a"), [0x80]], 4, "80"],
  ])("refuses %s with a 400 naming the byte offset", async (_name, parts, offset, byte) => {
    const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
    const response = await post(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("bad_input");
    expect(error.message).toContain(`the byte at offset ${offset} (0x${byte})`);
  });

  it("refuses a valid record with one invalid byte instead of replacing it and storing the record", async () => {
    const at = amber.indexOf("Well commented code");
    const body = Buffer.concat([Buffer.from(amber.slice(0, at)), Buffer.from([0xfe]), Buffer.from(amber.slice(at))]);
    const response = await post(body, {}, "?permalink=1");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(`offset ${Buffer.byteLength(amber.slice(0, at))} (0xfe)`);
    expect(yamlHistory("Amber")).toEqual([]);
  });

  it("stores nothing unless asked for a permalink", async () => {
    const record = amber.replace("name: Amber", "name: Amber-unstored");
    const response = await post(record);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; class: number };
    expect(body.class).toBe(1);
    expect(body.id).toBe("");
    expect(yamlHistory("Amber-unstored")).toEqual([]);
  });

  it("stores the report with ?permalink=1 and answers its id, which reads back", async () => {
    const record = amber.replace("name: Amber", "name: Amber-stored");
    const response = await post(record, {}, "?permalink=1");
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(yamlHistory("Amber-stored")).toHaveLength(1);
    const stored = await reportGet(new NextRequest(`http://localhost/api/v1/reports/${id}`), { params: Promise.resolve({ id }) });
    expect(stored.status).toBe(200);
  });

  it("refuses a permalink parameter other than 0 or 1 with a typed 400", async () => {
    const response = await post(amber, {}, "?permalink=yes");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_input");
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
