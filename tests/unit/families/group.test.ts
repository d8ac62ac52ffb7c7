import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type FamilyMember, familyOf, groupFamilies, memberFromRecord } from "@/lib/families";
import { createRegistryStore } from "@/lib/registry/store";
import { openSqliteFile } from "@/tests/helpers/databases";

let registry: FamilyMember[];

beforeAll(async () => {
  const store = createRegistryStore(
    await openSqliteFile(join(mkdtempSync(join(tmpdir(), "mofscope-families-")), "r.sqlite")),
    join(import.meta.dirname, "..", "..", "..", "registry", "mot"),
  );
  await store.load();
  registry = (await store.all()).map(memberFromRecord);
});

const member = (over: Partial<FamilyMember> & { key: string; name: string }): FamilyMember => ({
  source: "hf",
  producer: "",
  hfId: null,
  githubRepo: null,
  baseModels: [],
  class: 0,
  statuses: {},
  ...over,
});

const names = (key: string) =>
  familyOf(key, registry)
    ?.variants.map((v) => v.name)
    .sort();

describe("groupFamilies over the 273 registry records", () => {
  it("puts every record in exactly one family", () => {
    const families = groupFamilies(registry);
    expect(families.reduce((n, f) => n + f.variants.length, 0)).toBe(273);
    expect(new Set(families.map((f) => f.key)).size).toBe(families.length);
  });

  it.each([
    ["mot:Pythia-70M", "eleutherai/pythia", 10],
    ["mot:OLMo-7B", "allenai/olmo", 4],
    ["mot:Llama-2-7B", "meta-llama/llama-2", 6],
    ["mot:Llama-3-8B", "meta-llama/llama-3", 6],
    ["mot:Mistral-7B-v0.1", "mistralai/mistral", 4],
    ["mot:Mixtral-8x7B-v0.1", "mistralai/mixtral", 4],
    ["mot:Granite-4.0-Micro", "ibm-granite/granite-4.0", 10],
    ["mot:CrystalCoder", "llm360/crystal", 2],
    ["mot:Amber", "llm360/amber", 1],
  ])("%s belongs to %s with %i variants", (key, family, count) => {
    const found = familyOf(key, registry);
    expect({ key: found?.key, variants: found?.variants.length }).toEqual({ key: family, variants: count });
  });

  it("takes a producer's hub account for records that link none (Llama-2-7B → meta-llama)", () => {
    expect(names("meta-llama/llama-2")).toContain("Llama-2-7B");
  });

  it("names the family by what its variants share and lists the components that differ", () => {
    const pythia = familyOf("eleutherai/pythia", registry);
    expect(pythia?.label).toBe("Pythia");
    const olmo = familyOf("allenai/olmo", registry);
    expect(olmo?.label).toBe("OLMo");
    for (const c of olmo?.differing ?? []) {
      expect(new Set(olmo?.variants.map((v) => v.statuses[c])).size, c).toBeGreaterThan(1);
    }
    expect(olmo?.variants.every((v) => Object.keys(v.statuses).length === 17)).toBe(true);
  });

  it("gives null for a key no family holds", () => {
    expect(familyOf("nobody/nothing", registry)).toBeNull();
  });
});

describe("groupFamilies with base models", () => {
  it("joins a fine-tune to its base's family, whatever its own name", () => {
    const amber = member({ key: "hf:LLM360/Amber", name: "Amber", hfId: "LLM360/Amber" });
    const chat = member({ key: "hf:LLM360/AmberChat", name: "AmberChat", hfId: "LLM360/AmberChat", baseModels: ["LLM360/Amber"] });
    const zephyr = member({
      key: "hf:HuggingFaceH4/zephyr-7b-beta",
      name: "zephyr-7b-beta",
      hfId: "HuggingFaceH4/zephyr-7b-beta",
      baseModels: ["mistralai/Mistral-7B-v0.1"],
    });
    const families = groupFamilies([...registry, amber, chat, zephyr]);
    const of = (key: string) => families.find((f) => f.variants.some((v) => v.key === key));
    expect(of("hf:LLM360/AmberChat")?.key).toBe("llm360/amber");
    expect(
      of("hf:LLM360/AmberChat")
        ?.variants.map((v) => v.key)
        .sort(),
    ).toEqual(["hf:LLM360/Amber", "hf:LLM360/AmberChat", "mot:Amber"]);
    expect(of("hf:HuggingFaceH4/zephyr-7b-beta")?.key).toBe("mistralai/mistral");
  });

  it("joins through a base model that is not among the members", () => {
    const a = member({ key: "hf:x/tuned-a", name: "tuned-a", hfId: "x/tuned-a", baseModels: ["org/Base-7B"] });
    const b = member({ key: "hf:y/other-b", name: "other-b", hfId: "y/other-b", baseModels: ["org/Base-7B-Instruct"] });
    const families = groupFamilies([a, b]);
    expect(families).toHaveLength(1);
    expect(families[0]?.key).toBe("org/base");
  });

  it("reports which components differ between variants", () => {
    const a = member({ key: "hf:o/m-7b", name: "m-7b", hfId: "o/m-7b", statuses: { Datasets: "included", "Model card": "included" } });
    const b = member({ key: "hf:o/m-13b", name: "m-13b", hfId: "o/m-13b", statuses: { Datasets: "missing", "Model card": "included" } });
    expect(groupFamilies([a, b])[0]?.differing).toEqual(["Datasets"]);
  });
});
