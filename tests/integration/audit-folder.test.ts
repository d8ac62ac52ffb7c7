import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditFolder, type FolderAuditOptions, type FolderAuditOutcome } from "@/lib/audit";
import { reportSchema } from "@/lib/report/schema";
import { useAuditEnv } from "@/tests/helpers/audit-env";
import { folderLikeFixture, makeReleaseFolder } from "@/tests/helpers/release-folder";

const expected = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "releases", "expected.json"), "utf8")) as {
  releases: Record<string, { class: number; components: Record<string, { status: string; license: string | null }> }>;
};

const getEnv = useAuditEnv();

async function audit(folder: string, options: FolderAuditOptions = {}) {
  const outcome: FolderAuditOutcome = await auditFolder(folder, { ...getEnv().deps({ cache: false }), ...options });
  if (!outcome.ok) {
    throw new Error(outcome.error.message);
  }
  return outcome;
}

const status = (outcome: { report: { components: { name: string; status: string }[] } }, name: string) =>
  outcome.report.components.find((c) => c.name === name)?.status;

// long enough to count as a written card (200 characters of body)
const PROSE = "This release is documented here in enough words to count as a real card. ".repeat(4);

describe("auditing a release folder", () => {
  it("gives a folder laid out as LLM360/Amber was uploaded the Hub audit's verdicts, but for checkpoint branches", async () => {
    const { report, onPublish } = await audit(folderLikeFixture("LLM360/Amber"));
    expect(reportSchema.safeParse(report).success).toBe(true);
    const want = expected.releases["LLM360/Amber"];
    for (const [name, component] of Object.entries(want?.components ?? {})) {
      const got = report.components.find((c) => c.name === name);
      const wanted = name === "Model parameters (Intermediate)" ? "missing" : component.status;
      expect(got?.status === "optional" ? "included" : got?.status, name).toBe(wanted);
    }
    expect(report.class).toBe(want?.class);
    expect(onPublish.find((n) => n.component === "Model parameters (Intermediate)")?.note).toContain("branches or tags");
  });

  it("links the folder's files by their path, and what the card links by its URL", async () => {
    const { report } = await audit(folderLikeFixture("LLM360/Amber"));
    const evidence = (name: string) => report.components.find((c) => c.name === name)?.evidence[0]?.url;
    expect(report.model).toMatchObject({ source: "local", id: "Amber", sha: null });
    expect(evidence("Model card")).toBe("README.md");
    expect(evidence("Model parameters (Final)")).toBe("pytorch_model-00001-of-00002.bin");
    expect(evidence("Evaluation results")).toBe("README.md#evaluations");
    expect(evidence("Inference code")).toBe("README.md");
    expect(evidence("Training code")).toMatch(/^https:\/\/github\.com\/LLM360\/amber-train\//);
    expect(report.record.release.huggingface).toBeUndefined();
    expect(report.record.release.repository).toBe("https://github.com/LLM360/amber-train");
  });

  it("offline, leaves what the card links unknown, never missing, and asks nothing", async () => {
    const before = getEnv().mock.requests.length;
    const outcome = await audit(folderLikeFixture("LLM360/Amber"), { offline: true });
    expect(getEnv().mock.requests.length).toBe(before);
    expect(outcome.report.requests).toBe(0);
    for (const name of ["Training code", "Data preprocessing code", "Evaluation code", "Research paper"]) {
      expect(status(outcome, name), name).toBe("unknown");
    }
    expect(status(outcome, "Model parameters (Final)")).toBe("included");
    expect(outcome.report.failures.length).toBeGreaterThan(0);
    expect(outcome.report.failures.every((f) => f.kind === "offline")).toBe(true);
    expect(outcome.report.components.find((c) => c.name === "Training code")?.unknownBecause[0]).toContain("offline audit");
  });

  it("reads a dataset card kept in the folder instead of asking the Hub", async () => {
    const folder = makeReleaseFolder({
      "README.md": `---\nlicense: apache-2.0\ndatasets:\n  - acme/corpus\n---\n# Tiny\n\n${PROSE}\n`,
      "datasets/acme/corpus/README.md": `---\nlicense: cc-by-4.0\n---\n# Corpus\n\n${PROSE}\n`,
    });
    const before = getEnv().mock.requests.length;
    const outcome = await audit(folder);
    expect(
      getEnv()
        .mock.requests.slice(before)
        .filter((r) => r.path.includes("acme")),
    ).toEqual([]);
    const datasets = outcome.report.components.find((c) => c.name === "Datasets");
    expect(datasets).toMatchObject({ status: "included", license: "CC-BY-4.0" });
    expect(datasets?.evidence[0]?.url).toBe("datasets/acme/corpus");
    expect(datasets?.licenses[0]?.url).toBe("datasets/acme/corpus/README.md");
    expect(status(outcome, "Data card")).toBe("included");
    expect(outcome.onPublish.find((n) => n.component === "Datasets")?.note).toContain("was read from datasets/acme/corpus/README.md");
  });

  it("says a dataset the card names but the Hub lacks counts once it is published", async () => {
    const folder = makeReleaseFolder({ "README.md": `---\nlicense: apache-2.0\ndatasets: [acme/unpublished]\n---\n# Tiny\n\n${PROSE}\n` });
    const outcome = await audit(folder);
    expect(status(outcome, "Datasets")).toBe("missing");
    expect(outcome.onPublish.find((n) => n.component === "Datasets")?.note).toContain("acme/unpublished is not on the Hub yet");
  });

  it("takes the code repository and the paper the producer names", async () => {
    const folder = makeReleaseFolder({ "README.md": `---\nlicense: apache-2.0\n---\n# Tiny\n\n${PROSE}\n`, "model.safetensors": { sparse: 64 } });
    const bare = await audit(folder);
    expect([status(bare, "Training code"), status(bare, "Research paper")]).toEqual(["missing", "missing"]);
    const named = await audit(folder, { repos: ["LLM360/amber-train"], paper: "2402.00838" });
    expect([status(named, "Training code"), status(named, "Research paper")]).toEqual(["included", "included"]);
    expect(named.report.record.release).toMatchObject({ producer: "LLM360", repository: "https://github.com/LLM360/amber-train" });
  });

  it("answers a hostile folder with a clear error, not a report", async () => {
    const outcome = await auditFolder(makeReleaseFolder({ "README.md": Buffer.from([0, 159, 146, 150, 0, 1, 2]) }), getEnv().deps({ cache: false }));
    expect(outcome).toEqual({ ok: false, error: { code: "bad_input", message: "README.md holds binary data, not UTF-8 text" } });
  });
});
