import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportJsonSchema } from "@/lib/frameworks/report-json";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "@/tests/helpers/bom-schemas";
import { type MockUpstream, startMockUpstream } from "@/tests/helpers/mock-upstream";

type Route<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;
let mock: MockUpstream;
let auditGet: (request: NextRequest) => Promise<Response>;
let reportGet: Route<{ id: string }>;
let modelCdx: Route<{ org: string; name: string }>;
let modelSpdx: Route<{ org: string; name: string }>;
let modelJson: Route<{ org: string; name: string }>;
let snapshotSpdx: Route<{ id: string }>;
let snapshotCdx: Route<{ id: string }>;
let modelBadge: Route<{ org: string; file: string }>;
let snapshotBadge: Route<{ id: string }>;
const validCyclonedx = cyclonedxValidator();
const validSpdx = spdxValidator();

const BASE = "http://127.0.0.1:3999";
const get = (path: string) => new NextRequest(`${BASE}${path}`, { headers: { host: "127.0.0.1:3999" } });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

// the route handlers in-process, on a fresh database and the mock upstream
beforeAll(async () => {
  mock = await startMockUpstream();
  Object.assign(process.env, {
    MOFSCOPE_DB: join(mkdtempSync(join(tmpdir(), "mofscope-exports-")), "exports.sqlite"),
    HF_ENDPOINT: mock.hfEndpoint,
    GITHUB_API_URL: mock.githubApiUrl,
    ARXIV_API_URL: mock.arxivApiUrl,
    // links name the configured public origin, never the request's Host
    MOFSCOPE_PUBLIC_URL: BASE,
  });
  auditGet = (await import("@/app/api/v1/audit/route")).GET;
  reportGet = (await import("@/app/api/v1/reports/[id]/route")).GET as Route<{ id: string }>;
  modelCdx = (await import("@/app/models/[org]/[name]/aibom.cdx.json/route")).GET as Route<{ org: string; name: string }>;
  modelSpdx = (await import("@/app/models/[org]/[name]/aibom.spdx.json/route")).GET as Route<{ org: string; name: string }>;
  modelJson = (await import("@/app/models/[org]/[name]/report.json/route")).GET as Route<{ org: string; name: string }>;
  snapshotSpdx = (await import("@/app/r/[id]/aibom.spdx.json/route")).GET as Route<{ id: string }>;
  snapshotCdx = (await import("@/app/r/[id]/aibom.cdx.json/route")).GET as Route<{ id: string }>;
  modelBadge = (await import("@/app/badge/[org]/[file]/route")).GET as Route<{ org: string; file: string }>;
  snapshotBadge = (await import("@/app/r/[id]/badge.svg/route")).GET as Route<{ id: string }>;
});

afterAll(async () => {
  await mock.close();
});

describe("API and export routes", () => {
  it("answers the report with its OSAID verdict, and other formats by ?format=", async () => {
    const json = await auditGet(get("/api/v1/audit?url=allenai/OLMo-7B"));
    const report = reportJsonSchema.parse(await json.json());
    expect(report.osaid.verdict).toBe("meets");

    const cdx = await auditGet(get("/api/v1/audit?url=allenai/OLMo-7B&format=cyclonedx"));
    expect(cdx.headers.get("content-type")).toBe("application/vnd.cyclonedx+json; version=1.6");
    expect(cdx.headers.get("content-disposition")).toBe('attachment; filename="allenai__OLMo-7B.cdx.json"');
    expect(cdx.headers.get("x-mofscope-cache")).toBe("hit");
    const bom = (await cdx.json()) as { metadata: { component: { properties: { name: string; value: string }[] } } };
    expect(validCyclonedx(bom), schemaErrors(validCyclonedx)).toBe(true);
    expect(bom.metadata.component.properties).toContainEqual({ name: "mofscope:report", value: `${BASE}/models/allenai/OLMo-7B` });

    const markdown = await auditGet(get("/api/v1/audit?url=allenai/OLMo-7B&format=markdown"));
    expect(await markdown.text()).toContain("### Open Source AI Definition 1.0: **meets**");
  });

  it("refuses an unknown format before any audit", async () => {
    const response = await auditGet(get("/api/v1/audit?url=LLM360/Amber&format=pdf"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "bad_input", message: 'Unknown format "pdf": use one of json, cyclonedx, spdx, markdown, yaml.' } });
  });

  it("serves both AI-BOMs of a model's latest report and of a snapshot", async () => {
    const cdx = await modelCdx(get("/models/EleutherAI/pythia-160m/aibom.cdx.json"), params({ org: "EleutherAI", name: "pythia-160m" }));
    expect(cdx.status).toBe(200);
    expect(validCyclonedx(await cdx.json()), schemaErrors(validCyclonedx)).toBe(true);
    const spdx = await modelSpdx(get("/models/EleutherAI/pythia-160m/aibom.spdx.json"), params({ org: "EleutherAI", name: "pythia-160m" }));
    expect(spdx.headers.get("content-type")).toBe("application/spdx+json");
    expect(validSpdx(await spdx.json()), schemaErrors(validSpdx)).toBe(true);

    const { id } = (await (await modelJson(get("/models/EleutherAI/pythia-160m/report.json"), params({ org: "EleutherAI", name: "pythia-160m" }))).json()) as {
      id: string;
    };
    const snapshot = await snapshotSpdx(get(`/r/${id}/aibom.spdx.json`), params({ id }));
    expect(snapshot.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(validSpdx(await snapshot.json()), schemaErrors(validSpdx)).toBe(true);
    const viaApi = await reportGet(get(`/api/v1/reports/${id}?format=cyclonedx`), params({ id }));
    const direct = await snapshotCdx(get(`/r/${id}/aibom.cdx.json`), params({ id }));
    expect(await viaApi.text()).toBe(await direct.text());
  });

  it("answers 404 for a snapshot that does not exist", async () => {
    const response = await snapshotCdx(get("/r/AAAAAAAAAA/aibom.cdx.json"), params({ id: "AAAAAAAAAA" }));
    expect(response.status).toBe(404);
  });

  it("draws the OSAID badge variant with ?framework=osaid, and refuses an unknown framework", async () => {
    const osaid = await modelBadge(get("/badge/allenai/OLMo-7B.svg?framework=osaid"), params({ org: "allenai", file: "OLMo-7B.svg" }));
    expect(osaid.headers.get("content-type")).toContain("image/svg+xml");
    expect(await osaid.text()).toContain('aria-label="OSAID 1.0: meets"');
    const styled = await modelBadge(get("/badge/LLM360/Amber.svg?framework=osaid&style=flat-square"), params({ org: "LLM360", file: "Amber.svg" }));
    expect(await styled.text()).toContain('aria-label="OSAID 1.0: unknown (judgement)"');
    const mof = await modelBadge(get("/badge/allenai/OLMo-7B.svg"), params({ org: "allenai", file: "OLMo-7B.svg" }));
    expect(await mof.text()).toContain('aria-label="MOF: Class III"');
    const refused = await modelBadge(get("/badge/allenai/OLMo-7B.svg?framework=eu-ai-act"), params({ org: "allenai", file: "OLMo-7B.svg" }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("framework must be mof or osaid");
    const missing = await snapshotBadge(get("/r/AAAAAAAAAA/badge.svg?framework=osaid"), params({ id: "AAAAAAAAAA" }));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('aria-label="OSAID 1.0: unknown"');
  });
});
