import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClaimComparison, compareClaims, matchRecord, type RecordMatch } from "@/lib/claims";
import { familyOf, memberFromRecord, memberFromReport } from "@/lib/families";
import type { MofRecord } from "@/lib/mof";
import { parseMofYaml } from "@/lib/mof";
import { auditedRow } from "@/lib/registry/audited-row";
import type { RegistryRecord } from "@/lib/registry/record-row";
import { createRegistryStore, type RegistryStore } from "@/lib/registry/store";
import type { Report } from "@/lib/report/schema";
import { type AuditEnv, auditAll, startAuditEnv } from "@/tests/helpers/audit-env";
import { openSqliteFile } from "@/tests/helpers/databases";

const registryDir = join(import.meta.dirname, "..", "..", "registry", "mot");
const MODELS = [
  "allenai/OLMo-7B",
  "LLM360/Amber",
  "EleutherAI/pythia-160m",
  "bigscience/bloom",
  "meta-llama/Llama-2-7b-hf",
  "mistralai/Mistral-7B-v0.1",
  "LLM360/CrystalCoder",
  "moxin-org/moxin-llm-7b",
];

let env: AuditEnv;
let store: RegistryStore;
const reports = new Map<string, Report>();
// matched once in beforeAll, so the comparisons below stay plain reads
const matches = new Map<string, RecordMatch<RegistryRecord> | null>();

function recordFile(file: string): MofRecord {
  const parsed = parseMofYaml(readFileSync(join(registryDir, "models", file), "utf8"));
  if (!parsed.ok) {
    throw new Error(`${file} does not parse`);
  }
  return parsed.record;
}

const claimOf = (c: ClaimComparison, name: string) => c.components.find((x) => x.name === name);

function compared(id: string): ClaimComparison {
  const report = reports.get(id) as Report;
  const match = matches.get(id);
  if (!match) {
    throw new Error(`no record for ${id}`);
  }
  return compareClaims(recordFile(match.record.file), report);
}

beforeAll(async () => {
  env = await startAuditEnv();
  store = createRegistryStore(await openSqliteFile(join(mkdtempSync(join(tmpdir(), "mofscope-claims-")), "registry.sqlite")), registryDir);
  await store.load();
  for (const [id, report] of await auditAll(env, MODELS)) {
    reports.set(id, report);
    matches.set(id, await matchRecord(report, store));
  }
});

afterAll(async () => {
  await env.close();
});

describe("matchRecord over the registry", () => {
  it.each([
    ["allenai/OLMo-7B", "OLMo-7B.yml", "huggingface"],
    ["LLM360/Amber", "Amber.yml", "huggingface"],
    ["EleutherAI/pythia-160m", "Pythia-160M.yml", "huggingface"],
    ["bigscience/bloom", "BLOOM.yml", "huggingface"],
    ["mistralai/Mistral-7B-v0.1", "Mistral-7B-v0.1.yml", "huggingface"],
    ["LLM360/CrystalCoder", "CrystalCoder.yml", "huggingface"],
  ])("finds the MOT record of %s", async (id, file, by) => {
    const match = await matchRecord(reports.get(id) as Report, store);
    expect({ file: match?.record.file, by: match?.by }).toEqual({ file, by });
  });

  it("finds none for a model MOT does not list, nor for a record that names no hub id", async () => {
    expect(await matchRecord(reports.get("moxin-org/moxin-llm-7b") as Report, store)).toBeNull();
    // Llama-2-7B.yml has no huggingface link and its name is not the repository's
    expect(await matchRecord(reports.get("meta-llama/Llama-2-7b-hf") as Report, store)).toBeNull();
  });
});

describe("compareClaims on records that contradict the evidence", () => {
  it("OLMo-7B: claims Class I and Datasets under Apache-2.0; Dolma's card says ODC-By-1.0", () => {
    const c = compared("allenai/OLMo-7B");
    expect(c.classes).toMatchObject({ claimed: 1, found: 3, provisional: false });
    expect(claimOf(c, "Datasets")).toMatchObject({ verdict: "license_differs", claimed: { license: "Apache-2.0" }, found: { license: "ODC-By-1.0" } });
    expect(claimOf(c, "Datasets")?.message).toMatch(
      /^Your MOT record claims Datasets under Apache-2\.0; the dataset card `license` of allenai\/dolma says ODC-By-1\.0 <http:\/\/127\.0\.0\.1:\d+\/datasets\/allenai\/dolma\//,
    );
    expect(claimOf(c, "Evaluation data")?.verdict).toBe("claimed_not_found");
    expect(claimOf(c, "Technical report")?.verdict).toBe("found_not_claimed");
    expect(c.counts).toEqual({
      claimed_and_found: 10,
      license_differs: 2,
      claimed_not_found: 1,
      found_not_claimed: 3,
      claimed_unknown: 0,
      unclaimed_unknown: 0,
      agree_missing: 1,
    });
  });

  it("Amber: claims Datasets under MIT; the dataset its card links says Apache-2.0", () => {
    const c = compared("LLM360/Amber");
    expect(c.classes).toMatchObject({ claimed: 1, found: 0, provisional: true });
    expect(claimOf(c, "Datasets")?.message).toMatch(
      /^Your MOT record claims Datasets under MIT; the dataset card `license` of LLM360\/AmberDatasets says Apache-2.0 </,
    );
    expect(claimOf(c, "Research paper")?.verdict).toBe("claimed_unknown");
    expect(c.unchecked).toHaveLength(2);
  });

  it("Pythia-160M: claims its code under MIT; GitHub detects Apache-2.0 in gpt-neox", () => {
    const c = compared("EleutherAI/pythia-160m");
    expect(claimOf(c, "Training code")?.message).toBe(
      "Your MOT record claims Training code under MIT; the GitHub licence detection of EleutherAI/gpt-neox says Apache-2.0 <https://github.com/EleutherAI/gpt-neox#license>.",
    );
    expect(c.counts.license_differs).toBe(4);
    expect(c.disagreements[0]).toBe("Your MOT record's components give Class I - Open Science Model; the evidence we found gives Unclassified.");
  });

  it("Llama-2-7B: lists the paper as unlicensed; arXiv gives its non-exclusive licence", () => {
    const c = compareClaims(recordFile("Llama-2-7B.yml"), reports.get("meta-llama/Llama-2-7b-hf") as Report);
    expect(claimOf(c, "Research paper")).toMatchObject({
      verdict: "license_differs",
      differing: [expect.objectContaining({ id: "LicenseRef-arXiv-nonexclusive-distrib-1.0" })],
    });
    // "Llama 2 Community License" and LicenseRef-hf-llama2 name the same licence
    expect(claimOf(c, "Model parameters (Final)")?.verdict).toBe("claimed_and_found");
    expect(c.counts.unclaimed_unknown).toBe(6);
  });

  it("Mistral-7B-v0.1 and BLOOM: components found that the records do not list, and claims not found", () => {
    const mistral = compared("mistralai/Mistral-7B-v0.1");
    expect(mistral.components.filter((x) => x.verdict === "found_not_claimed").map((x) => x.name)).toEqual([
      "Inference code",
      "Model metadata",
      "Model card",
      "Technical report",
    ]);
    const bloom = compared("bigscience/bloom");
    expect(claimOf(bloom, "Datasets")?.verdict).toBe("claimed_not_found");
    expect(claimOf(bloom, "Training code")?.message).toContain("bigscience-workshop/Megatron-DeepSpeed names no licence we can determine");
  });

  it("accounts for all 17 components of every pair", () => {
    for (const id of MODELS.filter((m) => !m.startsWith("moxin") && !m.startsWith("meta-llama"))) {
      expect(
        Object.values(compared(id).counts).reduce((a, b) => a + b, 0),
        id,
      ).toBe(17);
    }
  });
});

describe("audited models beside the registry", () => {
  it("lists an audited model in the registry's list", async () => {
    const row = auditedRow(reports.get("EleutherAI/pythia-160m") as Report, "2026-11-24T12:00:00Z");
    expect(row).toMatchObject({
      source: "hf",
      id: "EleutherAI/pythia-160m",
      name: "pythia-160m",
      producer: "EleutherAI",
      date: "2026-11-24",
      class: 0,
      githubRepo: "EleutherAI/pythia",
    });
    const page = await store.list({ q: "pythia", sort: "name" }, [row]);
    expect(page.total).toBe(11);
  });

  it("puts an audited model in the family of its registry records", async () => {
    const members = [...(await store.all()).map(memberFromRecord), memberFromReport(reports.get("EleutherAI/pythia-160m") as Report)];
    const family = familyOf("hf:EleutherAI/pythia-160m", members);
    expect(family?.key).toBe("eleutherai/pythia");
    expect(family?.variants).toHaveLength(11);
    expect(family?.differing.length).toBeGreaterThan(0);
  });
});
