import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auditFolder } from "@/lib/audit";
import type { PublishNote } from "@/lib/evidence";
import { assess, parseMofYaml } from "@/lib/mof";
import { motRecordYaml } from "@/lib/report/mot-record";
import type { Report } from "@/lib/report/schema";
import { yamlDownload } from "@/lib/server/loaders/route-report";
import { auditAll, useAuditEnv } from "@/tests/helpers/audit-env";
import { motSchemaErrors } from "@/tests/helpers/mot-schema";
import { folderLikeFixture, makeReleaseFolder } from "@/tests/helpers/release-folder";

const releases = Object.keys(
  (JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "releases", "expected.json"), "utf8")) as { releases: object }).releases,
);

const getEnv = useAuditEnv();
const exports = new Map<string, { report: Report; onPublish: readonly PublishNote[] }>();

async function folderExport(name: string, folder: string, offline = false): Promise<void> {
  const outcome = await auditFolder(folder, { ...getEnv().deps({ cache: false }), offline });
  if (!outcome.ok) {
    throw new Error(outcome.error.message);
  }
  exports.set(name, outcome);
}

beforeAll(async () => {
  for (const [id, report] of await auditAll(getEnv(), releases)) {
    exports.set(id, { report, onPublish: [] });
  }
  await folderExport("folder:Amber", folderLikeFixture("LLM360/Amber"));
  await folderExport("folder:Amber offline", folderLikeFixture("LLM360/Amber"), true);
  await folderExport(
    "folder:with dataset card",
    makeReleaseFolder({
      "README.md": `---\nlicense: apache-2.0\ndatasets: [acme/corpus]\n---\n# Tiny\n\n${"Written documentation of this release. ".repeat(8)}\n`,
      "datasets/acme/corpus/README.md": `---\nlicense: cc-by-4.0\n---\n# Corpus\n\n${"Written documentation of this dataset. ".repeat(8)}\n`,
      "model.safetensors": { sparse: 1 << 20 },
    }),
  );
}, 120_000);

const comments = (yaml: string) =>
  yaml
    .split("\n")
    .filter((l) => l.startsWith("#"))
    .join("\n");

describe.each([...releases, "folder:Amber", "folder:Amber offline", "folder:with dataset card"])("MOT record of %s", (name) => {
  const get = () => exports.get(name) as { report: Report; onPublish: readonly PublishNote[] };

  it("is valid against MOT's mof_schema.json and dated", () => {
    const yaml = motRecordYaml(get().report, get().onPublish);
    expect(motSchemaErrors(yaml)).toEqual([]);
    const parsed = parseMofYaml(yaml);
    expect(parsed.ok && parsed.record.release.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("round-trips through the engine to the report's class", () => {
    const parsed = parseMofYaml(motRecordYaml(get().report, get().onPublish));
    if (!parsed.ok) {
      throw new Error(parsed.errors.map((e) => e.message).join("; "));
    }
    expect(assess(parsed.record).class).toBe(get().report.class);
  });

  it("gives every component it lists a licence and the path or URL of its evidence", () => {
    const parsed = parseMofYaml(motRecordYaml(get().report, get().onPublish));
    const components = parsed.ok ? parsed.record.release.components : [];
    expect(components.length).toBeGreaterThan(0);
    for (const c of components) {
      expect(c.license, c.name).toMatch(/\S/);
      expect(c.component_path, c.name).toMatch(/\S/);
      expect(c.license === "unlicensed" || /\S/.test(c.license_path ?? ""), c.name).toBe(true);
    }
  });

  it("names in its header, and leaves out of the record, each component it could not find", () => {
    const { report, onPublish } = get();
    const yaml = motRecordYaml(report, onPublish);
    const parsed = parseMofYaml(yaml);
    const listed = new Set(parsed.ok ? parsed.record.release.components.map((c) => c.name) : []);
    for (const c of report.components.filter((x) => x.status === "missing" || x.status === "unknown")) {
      expect(comments(yaml), c.name).toContain(`  - ${c.name}, Class `);
      expect(listed.has(c.name), c.name).toBe(false);
    }
  });
});

describe("the header of a MOT record", () => {
  it("sits on a schema check that refuses what MOT refuses", () => {
    expect(motSchemaErrors("framework:\n  name: Other\nrelease:\n  name: ''\n  date: 24-11-2026\n")).toEqual([
      "/framework: must have required property 'version'",
      "/framework: must have required property 'date'",
      "/framework/name: must be equal to one of the allowed values",
      "/release: must have required property 'license'",
      "/release: must have required property 'producer'",
      "/release: must have required property 'components'",
      "/release/name: must NOT have fewer than 1 characters",
      '/release/date: must match format "date"',
    ]);
  });

  it("says which components were not found and which could not be checked (LLM360/Amber)", () => {
    const header = comments(motRecordYaml(exports.get("LLM360/Amber")?.report as Report));
    // Amber's datasets are found since the card body's dataset link counts (tests/fixtures/releases/expected.json)
    expect(header).toContain("#   - Evaluation data, Class II: not found");
    expect(header).not.toContain("Datasets, Class I");
    expect(header).toContain("#   - Research paper, Class I: not checked, a source failed (arxiv:");
    expect(header).toContain("#   - Sample model outputs, Class III (optional): not found");
    expect(header).toContain("#   - version, type, architecture, treatment, origin, contact");
    expect(header).toContain("# To submit: save as models/Amber.yml in a fork of https://github.com/lfai/model_openness_tool and open a pull request.");
  });

  it("for a release folder, asks for the producer and says what changes once published", () => {
    const { report, onPublish } = exports.get("folder:Amber") as { report: Report; onPublish: readonly PublishNote[] };
    const header = comments(motRecordYaml(report, onPublish));
    expect(header).toContain("contact, producer");
    expect(header).toContain("# Evidence: the release folder Amber; component and licence paths are relative to it.");
    expect(header).not.toContain("file://");
    expect(header).toContain("# Once published, this changes:\n#   - Model parameters (Intermediate): a folder has no branches");
  });

  it("keeps whatever a source wrote on one comment line, so it can never become part of the record", () => {
    const report = structuredClone(exports.get("LLM360/Amber")?.report as Report);
    const paper = report.components.find((c) => c.name === "Research paper");
    if (paper) {
      paper.unknownBecause = ["arxiv: failed\nrelease:\n  name: Hijacked\u2028  producer: Evil\r\n"];
    }
    const yaml = motRecordYaml(report);
    const parsed = parseMofYaml(yaml);
    expect(parsed.ok && parsed.record.release.name).toBe("Amber");
    expect(yaml.split("\n").filter((l) => l.includes("Hijacked"))).toEqual([
      "#   - Research paper, Class I: not checked, a source failed (arxiv: failed release: name: Hijacked producer: Evil)",
    ]);
  });

  it("is what the report page's MOT YAML download serves", async () => {
    const report = exports.get("allenai/OLMo-7B")?.report as Report;
    const response = yamlDownload(report, "no-store");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="allenai__OLMo-7B.yml"');
    expect(await response.text()).toBe(motRecordYaml(report));
  });

  it("is left off a record that was not audited", () => {
    const report = { ...(exports.get("allenai/OLMo-7B")?.report as Report) };
    const mot = { ...report, model: { ...report.model, source: "mot" as const } };
    expect(motRecordYaml(mot).startsWith("framework:")).toBe(true);
  });
});
