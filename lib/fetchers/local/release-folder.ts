import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import type { HfDataset, HfModel } from "@/lib/evidence/upstream-facts";
import { FolderError } from "./errors";
import { parseFrontMatter } from "./front-matter";
import { FOLDER_LIMITS, type WalkLimits } from "./limits";
import { type ReadCounter, readFolderText } from "./read-text";
import { type FolderListing, listFolder } from "./walk";

/** A dataset card kept in the release folder, read as the Hub would read the dataset repository. */
export interface FolderDataset {
  readonly info: HfDataset;
  readonly card: string;
}

/** A release folder read as one more upstream: the facts the Hub would give once it is uploaded. */
export interface ReleaseFolder {
  readonly listing: FolderListing;
  /** The model as the Hub's model info would describe it; its links name files by their path in the folder. */
  readonly model: HfModel;
  /** The model card (README.md), or null when the folder has none. */
  readonly card: string | null;
  /** The card of a dataset the model card names, when the folder keeps it (see DATASET_CARD_PATHS); else null. */
  dataset(id: string): Promise<FolderDataset | null>;
  /** Bytes read from files so far: cards and small JSON only. */
  bytesRead(): number;
}

/** Where a dataset card for `org/name` may sit in the release folder, first match wins. */
const DATASET_CARD_PATHS = [(org: string, name: string) => `datasets/${org}/${name}`, (_org: string, name: string) => `datasets/${name}`];

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

async function readConfig(root: string, counter: ReadCounter): Promise<Record<string, unknown>> {
  const text = await readFolderText(root, "config.json", FOLDER_LIMITS.jsonBytes, counter);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FolderError("bad_json", `config.json is not valid JSON (${error instanceof Error ? error.message : "unreadable"})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new FolderError("bad_json", "config.json must hold a JSON object");
  }
  return value as Record<string, unknown>;
}

function modelFacts(listing: FolderListing, cardData: Record<string, unknown> | null, config: Record<string, unknown> | null): HfModel {
  // the Hub reads library_name from the card, and recognises a transformers checkpoint by the config it writes
  const library = stringOrNull(cardData?.library_name) ?? (typeof config?.transformers_version === "string" ? "transformers" : null);
  return {
    id: basename(listing.root),
    sha: null,
    gated: false,
    private: false,
    libraryName: library,
    pipelineTag: stringOrNull(cardData?.pipeline_tag),
    tags: strings(cardData?.tags),
    cardData,
    config: config ? { architectures: strings(config.architectures), modelType: stringOrNull(config.model_type) } : null,
    siblings: listing.files.map((f) => f.path),
    modelIndex: null,
    createdAt: null,
    lastModified: null,
    url: pathToFileURL(listing.root).href,
    folderPath: "",
  };
}

/**
 * Opens a release folder laid out as it will be uploaded: lists every file (name and size only), reads the card and
 * config.json within their caps, and serves dataset cards kept in `datasets/`. Throws FolderError with a message
 * naming the file when the folder cannot be audited.
 */
export async function openReleaseFolder(folder: string, limits: WalkLimits = FOLDER_LIMITS): Promise<ReleaseFolder> {
  const listing = await listFolder(folder, limits);
  const counter: ReadCounter = { bytes: 0 };
  const listed = new Set(listing.files.map((f) => f.path));
  const card = listed.has("README.md") ? await readFolderText(listing.root, "README.md", FOLDER_LIMITS.cardBytes, counter) : null;
  const cardData = card === null ? null : parseFrontMatter(card, "README.md");
  const config = listed.has("config.json") ? await readConfig(listing.root, counter) : null;
  return {
    listing,
    model: modelFacts(listing, cardData, config),
    card,
    bytesRead: () => counter.bytes,
    async dataset(id) {
      const [org = "", name = ""] = id.split("/");
      const dir = DATASET_CARD_PATHS.map((path) => path(org, name)).find((d) => listed.has(`${d}/README.md`));
      if (dir === undefined) {
        return null;
      }
      const file = `${dir}/README.md`;
      const text = await readFolderText(listing.root, file, FOLDER_LIMITS.cardBytes, counter);
      const data = parseFrontMatter(text, file);
      const info: HfDataset = {
        id,
        sha: null,
        gated: false,
        private: false,
        tags: strings(data?.tags),
        cardData: data,
        description: null,
        url: dir,
        folderPath: dir,
      };
      return { info, card: text };
    },
  };
}
