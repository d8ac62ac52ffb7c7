import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auditedRow } from "@/lib/registry/audited-row";
import { gitBlobSha } from "@/lib/registry/git-blob-sha";
import { readManifest, writeManifest } from "@/lib/registry/manifest";
import { registryReport } from "@/lib/registry/report";
import { createRegistryStore, type RegistryStore } from "@/lib/registry/store";
import { reportSchema } from "@/lib/report/schema";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";

const vendored = join(import.meta.dirname, "..", "..", "..", "..", "registry", "mot");

function tempRegistry(): string {
  const dir = mkdtempSync(join(tmpdir(), "mofscope-registry-"));
  cpSync(vendored, dir, { recursive: true });
  return dir;
}

const storage = useStorage();

describe.each(DIALECTS_UNDER_TEST)("the registry store on %s", (dialect) => {
  let store: RegistryStore;
  const tempDb = () => storage.open(dialect);

  beforeAll(async () => {
    store = createRegistryStore(await tempDb(), vendored);
    await store.load();
  });

  describe("loadRegistry", () => {
    it("classifies all 273 records on the first load and none on the next", async () => {
      const fresh = createRegistryStore(await tempDb(), vendored);
      const first = await fresh.load();
      expect({ classified: first.classified, skipped: first.skipped.length, removed: first.removed }).toEqual({ classified: 273, skipped: 0, removed: 0 });
      const second = await fresh.load();
      expect({ classified: second.classified, unchanged: second.unchanged }).toEqual({ classified: 0, unchanged: 273 });
      expect((await fresh.source())?.commit).toBe(readManifest(vendored).commit);
    });

    it("re-classifies only the files whose blob sha changed, and drops removed ones", async () => {
      const dir = tempRegistry();
      const fresh = createRegistryStore(await tempDb(), dir);
      await fresh.load();
      const file = join(dir, "models", "Amber.yml");
      const edited = readFileSync(file, "utf8").replace("      license: MIT\n", "");
      writeFileSync(file, edited);
      rmSync(join(dir, "models", "BLOOM.yml"));
      const manifest = readManifest(dir);
      const { "BLOOM.yml": _bloom, ...files } = manifest.files;
      writeManifest(dir, { ...manifest, commit: "0".repeat(40), files: { ...files, "Amber.yml": gitBlobSha(edited) } });
      const again = await fresh.load();
      expect({ classified: again.classified, removed: again.removed, unchanged: again.unchanged }).toEqual({ classified: 1, removed: 1, unchanged: 271 });
      expect(await fresh.byName("BLOOM")).toBeNull();
      expect((await fresh.byName("Amber"))?.licenses).toEqual(["Apache-2.0"]);
      expect((await fresh.source())?.commit).toBe("0".repeat(40));
    });

    it("stores what the /models list needs for every record", async () => {
      const amber = await store.byName("amber");
      expect(amber).toMatchObject({
        file: "Amber.yml",
        name: "Amber",
        producer: "LLM360",
        date: "2025-05-22",
        class: 1,
        totalProgress: 100,
        hfId: "LLM360/Amber",
        githubRepo: "LLM360/amber-train",
        licenses: ["Apache-2.0", "MIT"],
      });
      expect(amber?.blobSha).toBe(readManifest(vendored).files["Amber.yml"]);
      expect(Object.keys(amber?.statuses ?? {})).toHaveLength(17);
      expect((await store.byName("Mistral-7B-v0.1"))?.hfId).toBe("mistralai/Mistral-7B-v0.1");
      expect((await store.byName("Llama-2-7B"))?.hfId).toBeNull();
    });
  });

  describe("list", () => {
    it("defaults to MOT's order: total progress descending, then name, 50 a page", async () => {
      const page = await store.list();
      expect(page.total).toBe(273);
      expect(page.rows).toHaveLength(50);
      const keys = page.rows.map((r) => r.totalProgress);
      expect([...keys].sort((a, b) => b - a)).toEqual(keys);
      expect(page.rows[0]).toMatchObject({ source: "mot", id: "Amber", class: 1 });
    });

    it("searches names case-insensitively and literally", async () => {
      expect((await store.list({ q: "PYTHIA" })).total).toBe(10);
      expect((await store.list({ q: "olmo-7b" })).rows.map((r) => r.name).sort()).toEqual(["OLMo-7B", "OLMo-7B-Twin-2T-hf", "OLMo-7B-hf"]);
      expect((await store.list({ q: "%" })).total).toBe(0);
      expect((await store.list({ q: "1_1" })).rows.map((r) => r.name).sort()).toEqual(["OpenELM-1_1B", "OpenELM-1_1B-Instruct"]);
      expect((await store.list({ q: "1x1" })).total).toBe(0);
    });

    it("filters by class, organisation and licence, combined", async () => {
      const classes = (await store.facets()).classes;
      expect(classes.reduce((n, c) => n + c.count, 0)).toBe(273);
      for (const { class: cls, count } of classes) {
        expect((await store.list({ class: cls })).total).toBe(count);
      }
      expect((await store.list({ org: "eleutherai" })).total).toBe((await store.facets()).producers.find((p) => p.producer === "EleutherAI")?.count);
      const mit = await store.list({ license: "MIT", limit: 200 });
      expect(mit.total).toBe((await store.facets()).licenses.find((l) => l.license === "MIT")?.count);
      expect(mit.rows.every((r) => r.licenses.includes("MIT"))).toBe(true);
      expect((await store.list({ org: "LLM360", class: 1 })).rows.map((r) => r.name)).toContain("Amber");
    });

    it("sorts by name and by date, and reverses", async () => {
      const byName = (await store.list({ sort: "name", limit: 200 })).rows.map((r) => r.name.toLowerCase());
      expect([...byName].sort()).toEqual(byName);
      const byDate = (await store.list({ sort: "date", limit: 200 })).rows.map((r) => r.date ?? "");
      expect([...byDate].sort().reverse()).toEqual(byDate);
      expect((await store.list({ sort: "name", reverse: true, limit: 1 })).rows[0]?.name).toBe(
        (await store.list({ sort: "name", limit: 1, offset: 272 })).rows[0]?.name,
      );
    });

    it("paginates with limit and offset and keeps the total", async () => {
      const all = (await store.list({ sort: "name", limit: 200 })).rows.concat((await store.list({ sort: "name", limit: 200, offset: 200 })).rows);
      expect(all).toHaveLength(273);
      const page = await store.list({ sort: "name", limit: 10, offset: 20 });
      expect(page.total).toBe(273);
      expect(page.rows.map((r) => r.name)).toEqual(all.slice(20, 30).map((r) => r.name));
      expect((await store.list({ offset: 300 })).rows).toEqual([]);
    });

    it("validates its parameters as they come from a URL", async () => {
      expect(
        (await store.list({ class: "1" as unknown as number, limit: "5" as unknown as number, reverse: "false" as unknown as boolean })).rows,
      ).toHaveLength(5);
      await expect(store.list({ limit: 0 })).rejects.toThrow();
      await expect(store.list({ sort: "size" as "name" })).rejects.toThrow();
    });

    it("sorts names by their bytes, case folded, whatever the database's locale", async () => {
      const row = (name: string) => ({
        source: "hf" as const,
        id: `x/${name}`,
        name,
        producer: "x",
        date: null,
        class: 0 as const,
        totalProgress: 0,
        licenses: [],
        hfId: null,
        githubRepo: null,
      });
      const audited = ["zzb", "zz_b", "ZZ-c", "zz1", "zz+b"].map(row);
      // '+' 0x2B < '-' 0x2D < '1' 0x31 < '_' 0x5F < 'b' 0x62; a locale's collation puts punctuation elsewhere
      expect((await store.list({ q: "zz", sort: "name" }, audited)).rows.map((r) => r.name)).toEqual(["zz+b", "ZZ-c", "zz1", "zz_b", "zzb"]);
      expect((await store.list({ q: "zz", sort: "name", reverse: true }, audited)).rows.map((r) => r.name)).toEqual(["zzb", "zz_b", "zz1", "ZZ-c", "zz+b"]);
    });

    it("merges audited rows in SQL under the same filters and order", async () => {
      const audited = [
        {
          source: "hf" as const,
          id: "LLM360/AmberChat",
          name: "AmberChat",
          producer: "LLM360",
          date: "2026-01-02",
          class: 0 as const,
          totalProgress: 50,
          licenses: ["Apache-2.0"],
          hfId: "LLM360/AmberChat",
          githubRepo: null,
        },
        {
          source: "github" as const,
          id: "x/amber-tools",
          name: "amber-tools",
          producer: "x",
          date: null,
          class: 3 as const,
          totalProgress: 100 / 3,
          licenses: ["MIT"],
          hfId: null,
          githubRepo: "x/amber-tools",
        },
      ];
      const page = await store.list({ q: "amber" }, audited);
      expect(page.total).toBe(3);
      expect(page.rows.map((r) => `${r.source}:${r.id}`)).toEqual(["mot:Amber", "hf:LLM360/AmberChat", "github:x/amber-tools"]);
      expect((await store.list({ license: "MIT", q: "amber" }, audited)).rows.map((r) => r.id)).toEqual(["Amber", "x/amber-tools"]);
      expect((await store.list({}, audited)).total).toBe(275);
      await expect(store.list({}, [{ ...audited[0], class: 7 } as never])).rejects.toThrow();
    });
  });

  describe("registryReport", () => {
    it("builds a self-reported report (source mot) for a record, found by name case-insensitively", async () => {
      const report = await registryReport(store, "olmo-7b");
      expect(reportSchema.safeParse(report).success).toBe(true);
      expect(report?.model).toMatchObject({ source: "mot", id: "OLMo-7B", sha: readManifest(vendored).files["OLMo-7B.yml"] });
      expect(report?.model.url).toBe(`https://github.com/lfai/model_openness_tool/blob/${readManifest(vendored).commit}/models/OLMo-7B.yml`);
      expect(report?.class).toBe(1);
      expect(report?.components.flatMap((c) => c.licenses.map((l) => l.source))).toSatisfy((s: string[]) => s.length > 0 && s.every((x) => x === "mot"));
      expect(report?.requests).toBe(0);
    });

    it("gives null for a name the registry does not hold", async () => {
      expect(await registryReport(store, "no-such-model")).toBeNull();
    });

    it("refuses to list a registry report as an audited row", async () => {
      const mot = await registryReport(store, "Amber");
      expect(() => auditedRow(mot as never, "2026-01-01T00:00:00Z")).toThrow();
    });
  });
});
