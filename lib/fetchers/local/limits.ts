/**
 * How much of a release folder mofscope looks at. Files are listed by name and size only; the few it reads (cards and
 * small JSON) are refused above a cap, so a folder of any size costs a bounded amount of work.
 */
export const FOLDER_LIMITS = {
  /** Files listed before the folder is refused; a Hub model repository rarely holds more than a few thousand. */
  files: 20_000,
  /** Directories and files visited in all, so empty directories cannot make the walk endless. */
  entries: 50_000,
  /** Folder nesting below the release folder. */
  depth: 16,
  /** A model or dataset card (README.md). */
  cardBytes: 1024 * 1024,
  /** The YAML front matter of a card. */
  frontMatterBytes: 64 * 1024,
  /** A JSON file read for its facts (config.json). */
  jsonBytes: 256 * 1024,
  /** YAML aliases a card's front matter may expand; more is a resource attack, not metadata. */
  aliases: 100,
} as const;

/** Folders a Hub upload leaves out (`huggingface_hub` ignores them too). */
export const IGNORED_DIRECTORIES: ReadonlySet<string> = new Set([".git", ".cache"]);

/** The caps on listing a folder; tests lower them to exercise the refusals cheaply. */
export type WalkLimits = { readonly [K in "files" | "entries" | "depth"]: number };
