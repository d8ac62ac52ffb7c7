import type { CST, Document, DocumentOptions, LineCounter, ParseOptions, SchemaOptions } from "yaml";
import { Composer, isScalar, Lexer, Parser, visit, YAMLParseError } from "yaml";

/** More YAML tokens (scalars, indicators, spaces, comments, line breaks) than this are refused before parsing; MOT's fullest record has 917. */
export const MAX_YAML_TOKENS = 5_000;

/** Collections nested deeper than this are refused before composing; a MOT record nests four deep. */
export const MAX_YAML_DEPTH = 64;

const TOO_MANY_TOKENS = `the file has more than ${MAX_YAML_TOKENS.toLocaleString("en")} YAML tokens; a MOT record has under 1,000`;
const TOO_DEEP = `the YAML nests deeper than ${MAX_YAML_DEPTH} levels; a MOT record nests four`;

export type ComposeOptions = ParseOptions & DocumentOptions & SchemaOptions;

export type Composed = { readonly ok: true; readonly doc: Document.Parsed } | { readonly ok: false; readonly message: string };

const COLLECTIONS = new Set<CST.Token["type"]>(["block-map", "block-seq", "flow-collection"]);

const FLOW_OPEN = new Set(["[", "{"]);
const FLOW_CLOSE = new Set(["]", "}"]);

// the lexer is linear and cheap; stopping at the first limit passed bounds the cost of everything after it. Flow
// nesting is plain in its tokens and costs the parser most, so it is refused here; block nesting waits for the CST
function scan(text: string): "tokens" | "depth" | null {
  let count = 0;
  let flow = 0;
  for (const token of new Lexer().lex(text)) {
    if (++count > MAX_YAML_TOKENS) {
      return "tokens";
    }
    if (FLOW_OPEN.has(token) && ++flow > MAX_YAML_DEPTH) {
      return "depth";
    }
    if (FLOW_CLOSE.has(token)) {
      flow--;
    }
  }
  return null;
}

// walked with a stack, not recursion: the point is to refuse what would overflow the composer's recursion
function tooDeep(tokens: readonly CST.Token[]): boolean {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === "document" && token.value) {
      stack.push([token.value, depth]);
    } else if (COLLECTIONS.has(token.type) && "items" in token) {
      if (depth + 1 > MAX_YAML_DEPTH) {
        return true;
      }
      for (const item of token.items as readonly CST.CollectionItem[]) {
        for (const child of [item.key, item.value]) {
          if (child) {
            stack.push([child, depth + 1]);
          }
        }
      }
    }
  }
  return false;
}

// what `uniqueKeys: true` reports, found with one set per mapping instead of comparing every key with every other
function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // the library compares scalar values with ===, under which NaN is never a duplicate
        if (isScalar(key) && !Number.isNaN(key.value) && key.range) {
          if (seen.has(key.value)) {
            errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], "DUPLICATE_KEY", "Map keys must be unique"));
          }
          seen.add(key.value);
        }
      }
    },
  });
  return errors;
}

// both lists are in document order; keep each one's order and interleave them by position
function mergeByPosition(a: readonly YAMLParseError[], b: readonly YAMLParseError[]): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && left.pos[0] <= right.pos[0])) {
      out.push(left as YAMLParseError);
      i++;
    } else {
      out.push(right);
      j++;
    }
  }
  return out;
}

// the library makes an Error for every problem it finds: a document within the token limit can hold thousands, and
// capturing their stack traces, which nothing reads, was most of its cost. Nothing else runs meanwhile (it is synchronous)
function withoutStackTraces<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function compose(tokens: readonly CST.Token[], options: ComposeOptions, length: number): Document.Parsed {
  const composer = new Composer({ ...options, uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (doc === undefined) {
      doc = next;
    } else {
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, even for empty input
  const parsed = doc as Document.Parsed;
  parsed.errors = mergeByPosition(parsed.errors, duplicateKeyErrors(parsed));
  return parsed;
}

/**
 * `parseDocument` with `uniqueKeys` in bounded time: refuses more than MAX_YAML_TOKENS tokens or MAX_YAML_DEPTH levels
 * before the composer runs, and finds duplicate keys in linear time (the library's own check compares each key with
 * every key before it). Errors and their positions are the library's.
 */
export function composeBounded(text: string, options: ComposeOptions, counter: LineCounter): Composed {
  const over = scan(text);
  if (over === "tokens") {
    return { ok: false, message: TOO_MANY_TOKENS };
  }
  const tokens = over === null ? [...new Parser(counter.addNewLine).parse(text)] : [];
  if (over === "depth" || tooDeep(tokens)) {
    return { ok: false, message: TOO_DEEP };
  }
  return { ok: true, doc: withoutStackTraces(() => compose(tokens, options, text.length)) };
}
