import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FOLDER_LIMITS, FolderError, openReleaseFolder, type WalkLimits } from "@/lib/fetchers/local";
import { makeReleaseFolder } from "@/tests/helpers/release-folder";

const CARD = `---
license: apache-2.0
library_name: transformers
datasets:
  - acme/corpus
tags: [llm]
---
# Tiny

A tiny model.
`;

async function refusal(folder: string, limits: WalkLimits = FOLDER_LIMITS): Promise<FolderError> {
  const error = await openReleaseFolder(folder, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FolderError);
  return error as FolderError;
}

// "a: &a [x, x]" then each level doubles: 2^30 leaves if expanded
const YAML_BOMB = `---\na0: &a0 [lol, lol]\n${Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`).join("\n")}\n---\n# bomb\n`;

describe("openReleaseFolder", () => {
  it("fills the model facts the Hub would give: files, card data, config", async () => {
    const folder = makeReleaseFolder({
      "README.md": CARD,
      "config.json": JSON.stringify({ architectures: ["LlamaForCausalLM"], model_type: "llama", transformers_version: "4.40.0" }),
      "model.safetensors": { sparse: 4096 },
      "checkpoints/step1000/model.safetensors": { sparse: 10 },
      ".git/HEAD": "ref: refs/heads/main\n",
    });
    const release = await openReleaseFolder(folder);
    expect(release.model.siblings).toEqual(["README.md", "checkpoints/step1000/model.safetensors", "config.json", "model.safetensors"]);
    expect(release.listing.files.find((f) => f.path === "model.safetensors")?.size).toBe(4096);
    expect(release.model.cardData).toEqual({ license: "apache-2.0", library_name: "transformers", datasets: ["acme/corpus"], tags: ["llm"] });
    expect(release.model.config).toEqual({ architectures: ["LlamaForCausalLM"], modelType: "llama" });
    expect(release.model).toMatchObject({ id: "release", libraryName: "transformers", tags: ["llm"], folderPath: "", sha: null, gated: false });
    expect(release.card).toBe(CARD);
  });

  it("recognises a transformers checkpoint by its config when the card names no library", async () => {
    const folder = makeReleaseFolder({ "config.json": JSON.stringify({ architectures: ["GPT2LMHeadModel"], transformers_version: "4.40.0" }) });
    const release = await openReleaseFolder(folder);
    expect(release.model.libraryName).toBe("transformers");
    expect(release.card).toBeNull();
    expect(release.model.cardData).toBeNull();
  });

  it("lists a 2 GB sparse weight file by name and size and reads only the card and config", async () => {
    const config = JSON.stringify({ architectures: ["LlamaForCausalLM"] });
    const folder = makeReleaseFolder({ "README.md": CARD, "config.json": config, "pytorch_model.bin": { sparse: 2 * 1024 ** 3 } });
    const release = await openReleaseFolder(folder);
    expect(release.listing.files.find((f) => f.path === "pytorch_model.bin")?.size).toBe(2 * 1024 ** 3);
    expect(release.bytesRead()).toBe(Buffer.byteLength(CARD) + Buffer.byteLength(config));
  });

  it("finds dataset cards kept under datasets/, by id or by name", async () => {
    const dataCard = "---\nlicense: cc-by-4.0\n---\n# Corpus\n";
    const folder = makeReleaseFolder({ "datasets/acme/corpus/README.md": dataCard, "datasets/evals/README.md": "# Evals\n" });
    const release = await openReleaseFolder(folder);
    expect(await release.dataset("acme/corpus")).toMatchObject({
      card: dataCard,
      info: { id: "acme/corpus", cardData: { license: "cc-by-4.0" }, folderPath: "datasets/acme/corpus" },
    });
    expect((await release.dataset("acme/evals"))?.info.folderPath).toBe("datasets/evals");
    expect(await release.dataset("acme/absent")).toBeNull();
  });

  it("follows a symbolic link to a file inside the folder", async () => {
    const folder = makeReleaseFolder({ "docs/CARD.md": CARD, "README.md": { symlink: "docs/CARD.md" } });
    const release = await openReleaseFolder(folder);
    expect(release.card).toBe(CARD);
  });

  it("refuses a symbolic link that leaves the folder, file or folder", async () => {
    const outside = makeReleaseFolder({ "secret.txt": "not yours\n" }, "outside");
    const viaFile = await refusal(makeReleaseFolder({ "README.md": CARD, LICENSE: { symlink: join(outside, "secret.txt") } }));
    expect(viaFile.code).toBe("symlink_escape");
    expect(viaFile.message).toContain("LICENSE is a symbolic link");
    const viaDir = await refusal(makeReleaseFolder({ "README.md": CARD, weights: { symlink: "../../" } }));
    expect(viaDir.code).toBe("symlink_escape");
  });

  it("refuses a card whose front matter is a YAML bomb, without expanding it", async () => {
    const error = await refusal(makeReleaseFolder({ "README.md": YAML_BOMB }));
    expect(error.code).toBe("bad_front_matter");
    expect(error.message).toMatch(/^README\.md: the front matter is not valid YAML/);
  });

  it("refuses front matter nested past any sense", async () => {
    const deep = `---\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\n`;
    expect((await refusal(makeReleaseFolder({ "README.md": deep }))).message).toBe("README.md: the front matter nests more than 64 levels deep");
  });

  it("refuses front matter that never closes or is not a map", async () => {
    expect((await refusal(makeReleaseFolder({ "README.md": "---\nlicense: mit\n# no end\n" }))).message).toContain("has no closing ---");
    expect((await refusal(makeReleaseFolder({ "README.md": "---\n- a\n- b\n---\n" }))).message).toContain("must be a YAML map");
  });

  it("refuses binary junk named README.md", async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    const error = await refusal(makeReleaseFolder({ "README.md": junk }));
    expect(error.code).toBe("not_text");
    expect(error.message).toContain("README.md");
  });

  it("refuses a card above its cap and a config that is not JSON", async () => {
    const big = await refusal(makeReleaseFolder({ "README.md": { sparse: FOLDER_LIMITS.cardBytes + 1 } }));
    expect(big.code).toBe("too_large");
    const json = await refusal(makeReleaseFolder({ "config.json": "{ not json" }));
    expect(json.code).toBe("bad_json");
  });

  it("leaves out a FIFO named README.md instead of waiting on it", async () => {
    const release = await openReleaseFolder(makeReleaseFolder({ "README.md": { fifo: true }, "model.safetensors": { sparse: 8 } }));
    expect(release.card).toBeNull();
    expect(release.listing.skipped).toEqual(["README.md: not a regular file"]);
  });

  it("refuses a folder with more files than the cap, and one nested too deep", async () => {
    const crowded = makeReleaseFolder({});
    mkdirSync(join(crowded, "shards"));
    for (let i = 0; i <= 100; i++) {
      writeFileSync(join(crowded, "shards", `${i}.txt`), "");
    }
    const limits: WalkLimits = { ...FOLDER_LIMITS, files: 100 };
    expect((await openReleaseFolder(crowded, { ...limits, files: 101 })).listing.files).toHaveLength(101);
    expect((await refusal(crowded, limits)).message).toBe("the folder holds more than 100 files");
    for (let i = 0; i < 100; i++) {
      mkdirSync(join(crowded, `empty-${i}`));
    }
    expect((await refusal(crowded, { ...limits, files: 1000, entries: 150 })).message).toContain("more than 150 entries");
    const deep = `${Array.from({ length: FOLDER_LIMITS.depth + 1 }, (_, i) => `d${i}`).join("/")}/x.txt`;
    expect((await refusal(makeReleaseFolder({ [deep]: "x" }))).code).toBe("too_deep");
  });

  it("says when the path is missing or not a folder", async () => {
    const folder = makeReleaseFolder({ "README.md": CARD });
    expect((await refusal(join(folder, "nope"))).code).toBe("not_found");
    expect((await refusal(join(folder, "README.md"))).code).toBe("not_a_folder");
  });
});
