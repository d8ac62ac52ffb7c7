import { Schema } from "yaml";
import { MAX_YAML_DEPTH, MAX_YAML_TOKENS } from "./yaml-document";

/**
 * A reader for the block style MOT's records are written in: nested mappings and sequences by indentation, plain
 * (also folded over several lines), single- and double-quoted scalars on one line, `[]` and `{}`. It gives what the
 * `yaml` library would give, or `undefined` as soon as the text leaves that subset (anchors, tags, flow collections,
 * block scalars, escapes, typed plain scalars, duplicate keys, tabs, anything odd); the caller then uses the library.
 * It exists for speed: the library's parser is several times slower on these records than the whole of validation.
 */

interface Line {
  readonly indent: number;
  readonly text: string;
  // a blank or comment line lies between this line and the previous content line
  readonly afterGap: boolean;
}

// anything but printable YAML characters, tabs, CR, NEL, BOM and the Unicode line separators sends the text to the library
const OUTSIDE_SUBSET = /[^\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;
const MARKER_OR_DIRECTIVE = /^(?:---|\.\.\.)(?: |$)|^%/m;
const LEADING_SPACES = /^ */;
// short enough that the library's 1,024-character limit on implicit keys never applies
const KEY = /^([A-Za-z_][\w-]{0,127}):(?: +|$)/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const AFTER_SCALAR = /^(?: +#.*| *)$/;
const EMPTY_COLLECTION = /^(?:(\[) *\]|\{ *\})(?: +#.*| *)$/;
// each line of the subset is at most ten tokens (indentation, `-`, space, key, `:`, space, value, space, comment, newline),
// so a text within this many lines is within the token limit the library path enforces
const MAX_LINES = Math.floor(MAX_YAML_TOKENS / 16);

const schema = new Schema({ customTags: ["timestamp"] });
// plain scalars the schema reads as null, a boolean, a number or a date (each test is anchored); only strings stay here
const TYPED_PLAIN = new RegExp(
  schema.tags.flatMap((tag) => ((tag.default === true || tag.default === "key") && "test" in tag && tag.test ? [`(?:${tag.test.source})`] : [])).join("|"),
);

// YAML indentation and trimming are spaces only; String#trim would also take NBSP and other Unicode spaces
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 32) {
    end--;
  }
  return text.slice(0, end);
}

function toLines(text: string): Line[] | undefined {
  const raw = text.split("\n");
  if (raw.length > MAX_LINES) {
    return undefined;
  }
  const lines: Line[] = [];
  let afterGap = false;
  for (const line of raw) {
    const indent = LEADING_SPACES.exec(line)?.[0].length ?? 0;
    const text = line.slice(indent);
    if (text === "" || text.startsWith("#")) {
      afterGap = true;
      continue;
    }
    lines.push({ indent, text, afterGap });
    afterGap = false;
  }
  return lines;
}

function isSeqItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

// one reader per text; methods rather than closures so that reading many small records allocates little
class BlockReader {
  pos = 0;
  depth = 0;
  // set at the first construct outside the subset; every loop stops on it and the result is dropped
  outside = false;

  constructor(readonly lines: readonly Line[]) {}

  leave(): undefined {
    this.outside = true;
    return undefined;
  }

  quoted(rest: string): unknown {
    const quote = rest[0] as string;
    let end = rest.indexOf(quote, 1);
    while (quote === "'" && end !== -1 && rest[end + 1] === "'") {
      end = rest.indexOf("'", end + 2);
    }
    const body = rest.slice(1, end);
    if (end === -1 || (quote === '"' && body.includes("\\")) || !AFTER_SCALAR.test(rest.slice(end + 1))) {
      return this.leave();
    }
    this.pos++;
    return quote === "'" ? body.replaceAll("''", "'") : body;
  }

  plain(rest: string, parentIndent: number): unknown {
    const comment = rest.indexOf(" #");
    let value = trimSpacesEnd(comment === -1 ? rest : rest.slice(0, comment));
    this.pos++;
    // continuation lines fold into one space each; a comment ends the scalar, so nothing may follow it
    for (let next = this.lines[this.pos]; comment === -1 && next && !next.afterGap && next.indent > parentIndent; next = this.lines[this.pos]) {
      const more = trimSpacesEnd(next.text);
      if (INDICATOR_START.test(more) || more.includes(" #")) {
        return this.leave();
      }
      value = `${value} ${more}`;
      this.pos++;
    }
    return value.includes(": ") || value.endsWith(":") || TYPED_PLAIN.test(value) ? this.leave() : value;
  }

  inline(rest: string, parentIndent: number): unknown {
    if (rest.startsWith("'") || rest.startsWith('"')) {
      return this.quoted(rest);
    }
    const empty = EMPTY_COLLECTION.exec(rest);
    if (empty !== null && this.depth < MAX_YAML_DEPTH) {
      this.pos++;
      return empty[1] === "[" ? [] : {};
    }
    return INDICATOR_START.test(rest) ? this.leave() : this.plain(rest, parentIndent);
  }

  // the value after `key:` or `-`: on the same line, a block below, an indentless sequence, or null
  value(rest: string, parentIndent: number, inMap: boolean): unknown {
    if (rest !== "" && !rest.startsWith("#")) {
      return this.inline(rest, parentIndent);
    }
    this.pos++;
    const next = this.lines[this.pos];
    if (next && next.indent > parentIndent) {
      return this.block(next.indent, next.text);
    }
    return inMap && next && next.indent === parentIndent && isSeqItem(next.text) ? this.sequence(parentIndent) : null;
  }

  // `first` is the text of the mapping's first line, which for `- key: value` starts after the dash
  mapping(indent: number, first: string): unknown {
    if (++this.depth > MAX_YAML_DEPTH) {
      return this.leave();
    }
    const map: Record<string, unknown> = {};
    for (
      let text: string | undefined = first;
      !this.outside && text !== undefined;
      text = this.lines[this.pos]?.indent === indent ? this.lines[this.pos]?.text : undefined
    ) {
      const match = KEY.exec(text);
      const key = match?.[1];
      // inherited names (`__proto__`, `constructor`) would need the library's defineProperty; leave them to it
      if (match === null || key === undefined || key in map || TYPED_PLAIN.test(key)) {
        return this.leave();
      }
      map[key] = this.value(text.slice(match[0].length), indent, true);
    }
    this.depth--;
    return map;
  }

  sequence(indent: number): unknown {
    if (++this.depth > MAX_YAML_DEPTH) {
      return this.leave();
    }
    const items: unknown[] = [];
    for (let line = this.lines[this.pos]; !this.outside && line?.indent === indent && isSeqItem(line.text); line = this.lines[this.pos]) {
      const rest = line.text.slice(1 + (LEADING_SPACES.exec(line.text.slice(1))?.[0].length ?? 0));
      if (isSeqItem(rest)) {
        return this.leave();
      }
      // `- key: value` opens a mapping at the key's column
      items.push(KEY.test(rest) ? this.mapping(indent + line.text.length - rest.length, rest) : this.value(rest, indent, false));
    }
    this.depth--;
    return items;
  }

  block(indent: number, text: string): unknown {
    if (isSeqItem(text)) {
      return this.sequence(indent);
    }
    return KEY.test(text) ? this.mapping(indent, text) : this.leave();
  }
}

/** Reads MOT's block style as the `yaml` library would, or gives `undefined` for anything outside it. */
export function readBlockYaml(text: string): unknown {
  if (OUTSIDE_SUBSET.test(text) || MARKER_OR_DIRECTIVE.test(text)) {
    return undefined;
  }
  const lines = toLines(text) ?? [];
  const first = lines[0];
  if (first?.indent !== 0) {
    return undefined;
  }
  const reader = new BlockReader(lines);
  const root = reader.block(0, first.text);
  return reader.outside || reader.pos !== lines.length ? undefined : root;
}
