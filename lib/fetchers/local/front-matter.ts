import { parseDocument } from "yaml";
import { FolderError } from "./errors";
import { FOLDER_LIMITS } from "./limits";

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;

// the parser recurses per flow level and would exhaust the stack on `[[[[…`; real card metadata nests a few levels
const MAX_FLOW_DEPTH = 64;

function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === "[" || char === "{") {
      deepest = Math.max(deepest, ++depth);
    } else if ((char === "]" || char === "}") && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/**
 * A card's YAML front matter as the Hub reads it into `cardData`: null when there is none. Bounded like the Hub's
 * own check on upload: its size is capped, aliases are counted (a "billion laughs" card is refused, not expanded),
 * and anything but a map is an error naming the file.
 */
export function parseFrontMatter(card: string, file: string): Record<string, unknown> | null {
  const head = card.slice(0, FOLDER_LIMITS.frontMatterBytes + 16);
  if (!card.startsWith("---")) {
    return null;
  }
  const match = FRONT_MATTER.exec(head);
  if (match === null) {
    const unclosed = card.length > head.length ? `is larger than ${FOLDER_LIMITS.frontMatterBytes / 1024} KB or ` : "";
    throw new FolderError("bad_front_matter", `${file}: the front matter ${unclosed}has no closing ---`);
  }
  if (flowDepth(match[1] ?? "") > MAX_FLOW_DEPTH) {
    throw new FolderError("bad_front_matter", `${file}: the front matter nests more than ${MAX_FLOW_DEPTH} levels deep`);
  }
  let value: unknown;
  try {
    const doc = parseDocument(match[1] ?? "", { prettyErrors: false });
    const first = doc.errors[0];
    if (first) {
      throw new Error(first.message.split("\n")[0]);
    }
    value = doc.toJS({ maxAliasCount: FOLDER_LIMITS.aliases });
  } catch (error) {
    // the yaml library throws on alias bombs; the card is at fault, not the audit
    const reason = error instanceof Error ? error.message : "unreadable";
    throw new FolderError("bad_front_matter", `${file}: the front matter is not valid YAML the Hub would accept (${reason})`);
  }
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new FolderError("bad_front_matter", `${file}: the front matter must be a YAML map of metadata`);
  }
  return value as Record<string, unknown>;
}
