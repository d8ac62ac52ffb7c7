import { Document, isMap, isNode, isScalar, isSeq, LineCounter, type YAMLMap } from "yaml";
import type { z } from "zod";
import { COMPONENTS_BY_WEIGHT } from "./components";
import { entryComponent } from "./evaluate";
import type { MofRecord } from "./record";
import { mofRecordSchema } from "./record";
import { UNLICENSED } from "./resolve";
import { readBlockYaml } from "./yaml-block";
import { composeBounded } from "./yaml-document";

export interface RecordError {
  /** Dotted path of the offending field (`release.components[2].license`), or empty for the whole file. */
  readonly path: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly record: MofRecord } | { readonly ok: false; readonly errors: readonly RecordError[] };

/** Records larger than this are refused before parsing; MOT's largest is under 8 KB. */
export const MAX_YAML_BYTES = 256 * 1024;

const PARSE_OPTIONS = {
  // Symfony YAML, which MOT uses, reads an unquoted date as a timestamp, which then fails the schema
  customTags: ["timestamp" as const],
  maxAliasCount: 50,
  uniqueKeys: true,
};

// MOT converts the parsed YAML to objects before validation; an empty list or map becomes an empty object
function motConversion(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length === 0 ? {} : value.map(motConversion);
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, motConversion(v)]));
  }
  return value;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

function explainIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (value instanceof Date) {
    return "is an unquoted date; quote it ('YYYY-MM-DD'), as MOT's parser turns it into a number and rejects the file";
  }
  if (typeof value === "number" && issue.code === "invalid_type") {
    return `is the number ${value}; quote it ('${value}'), MOT requires a string here`;
  }
  if (issue.path.join(".") === "release.components" && value !== null && typeof value === "object" && !Array.isArray(value)) {
    return "must list at least one component; MOT turns an empty list into an object and rejects the file";
  }
  if (issue.code === "invalid_type" && value === undefined) {
    return "is required";
  }
  return issue.message.replace(/^Invalid input: /, "");
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);
}

// doc.getIn finds a key by scanning its mapping; one index per mapping keeps locating many issues linear
function nodeFinder(doc: Document.Parsed): (path: readonly PropertyKey[]) => unknown {
  const indexes = new Map<YAMLMap, Map<unknown, unknown>>();
  function indexOf(map: YAMLMap): Map<unknown, unknown> {
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!index.has(key)) {
          index.set(key, pair.value);
        }
      }
      indexes.set(map, index);
    }
    return index;
  }
  return (path) =>
    path.reduce<unknown>((node, key) => {
      if (isMap(node)) {
        return indexOf(node).get(key);
      }
      return isSeq(node) && typeof key === "number" ? node.items[key] : undefined;
    }, doc.contents);
}

function locate(
  find: (path: readonly PropertyKey[]) => unknown,
  counter: LineCounter,
  path: readonly PropertyKey[],
): { line: number | null; column: number | null } {
  // a missing field is reported at its nearest existing parent
  for (let depth = path.length; depth >= 0; depth--) {
    const node = find(path.slice(0, depth));
    if (isNode(node) && node.range) {
      const pos = counter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: null, column: null };
}

function failure(message: string): ParseResult {
  return { ok: false, errors: [{ path: "", line: null, column: null, message }] };
}

// the library's path: every error located, and bounded (see composeBounded)
function parseWithLibrary(text: string): ParseResult {
  const counter = new LineCounter();
  const composed = composeBounded(text, { ...PARSE_OPTIONS, prettyErrors: false }, counter);
  if (!composed.ok) {
    return failure(composed.message);
  }
  const { doc } = composed;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return { path: "", line: pos.line, column: pos.col, message: e.message.split("\n")[0] ?? e.message };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = motConversion(doc.toJS({ maxAliasCount: PARSE_OPTIONS.maxAliasCount }));
  } catch (error) {
    // the yaml library throws on alias bombs and similar resource abuse
    return failure(error instanceof Error ? error.message : "unreadable YAML");
  }
  const parsed = mofRecordSchema.safeParse(raw);
  if (parsed.success) {
    return { ok: true, record: parsed.data };
  }
  const find = nodeFinder(doc);
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      ...locate(find, counter, issue.path),
      message: explainIssue(issue, valueAt(raw, issue.path)),
    })),
  };
}

/** Parses and validates a MOT YAML record; never throws, and every error names its field path and line. */
export function parseMofYaml(text: string): ParseResult {
  if (text.length > MAX_YAML_BYTES) {
    return failure(`the file is larger than ${MAX_YAML_BYTES / 1024} KB`);
  }
  // MOT's own block style is read directly; whatever it is not, and every record that fails validation, goes
  // through the library, which names each error's line
  const block = readBlockYaml(text);
  if (block !== undefined) {
    const parsed = mofRecordSchema.safeParse(motConversion(block));
    if (parsed.success) {
      return { ok: true, record: parsed.data };
    }
  }
  return parseWithLibrary(text);
}

const RELEASE_KEYS = ["name", "version", "date", "type", "architecture", "treatment", "origin", "producer", "contact", "repository", "huggingface"] as const;
const GLOBAL_KEYS = ["distribution", "code", "data", "document"] as const;
const COMPONENT_KEYS = ["name", "description", "license", "license_path", "component_path"] as const;

function pick<T extends object>(source: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<T>;
}

/** Writes a record back as MOT YAML: MOT's key order, components in weight order, `''` licences as `unlicensed`. */
export function toMofYaml(record: MofRecord): string {
  const weight = new Map(COMPONENTS_BY_WEIGHT.map((c, i) => [c.cid, i]));
  const components = record.release.components
    .map((entry, index) => ({ entry, index, order: weight.get(entryComponent(entry).cid) ?? 0 }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ entry }) => {
      const out = pick(entry, COMPONENT_KEYS);
      return entry.license === "" ? { ...out, license: UNLICENSED } : out;
    });
  const release = {
    ...pick(record.release, RELEASE_KEYS),
    license: pick(record.release.license, GLOBAL_KEYS),
    components,
  };
  const doc = new Document({ framework: pick(record.framework, ["name", "version", "date"]), release }, { ...PARSE_OPTIONS, version: "1.2" });
  return doc.toString({ defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN", lineWidth: 0 });
}
