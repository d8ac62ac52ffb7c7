import type { Nodes, Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString as plainText } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { cardBody, slugify } from "./card-text";

/** A table of the card, Markdown or HTML, reduced to what the rules read. */
export interface CardTable {
  /** Header cells as plain text (the first row of an HTML table without `<th>`). */
  readonly header: readonly string[];
  /** Body rows. */
  readonly rows: number;
  /** The first cell of each body row (benchmark tables are often transposed: one benchmark a row). */
  readonly firstColumn: readonly string[];
}

/** An image the card shows: Markdown `![]()` or HTML `<img>`. */
export interface CardImage {
  readonly url: string;
  readonly alt: string;
}

/** One section of the card: a heading (ATX, setext or a `<details>` summary) and everything under it. */
export interface CardSection {
  readonly heading: string;
  readonly slug: string;
  /** 1–6 for headings; 7 for a `<details>` summary, which nests under the heading around it; 0 for the preamble. */
  readonly depth: number;
  /** The section's source text, subsections included. */
  readonly body: string;
  /** Plain text of the section without code, collapsed whitespace. */
  readonly text: string;
  readonly tables: readonly CardTable[];
  readonly images: readonly CardImage[];
  /** Fenced or indented code blocks, and HTML `<pre>` blocks. */
  readonly codeBlocks: number;
}

// micromark runs in linear time, but a card this long is not one a person wrote: read its head only
const MAX_PARSED_CHARS = 1_000_000;
const DETAILS_DEPTH = 7;

interface OpenSection {
  heading: string;
  depth: number;
  start: number;
  end: number;
  text: string[];
  tables: CardTable[];
  images: CardImage[];
  codeBlocks: number;
}

/** Parses the card body (front matter dropped) into an mdast tree with GFM (tables, autolinks, strikethrough). */
function parseCardTree(card: string): { tree: Root; source: string } {
  const source = cardBody(card).slice(0, MAX_PARSED_CHARS);
  return { tree: fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), source };
}

// every rule of every audit round reads the same few cards: parse each once (a pure function, so a memo is safe)
const parsed = new Map<string, readonly CardSection[]>();
const PARSED_KEPT = 16;

/**
 * The card's sections in document order; each holds its subsections' tables, images and text too. Text before the
 * first heading, if any, is a first section with an empty heading.
 */
export function cardSections(card: string): readonly CardSection[] {
  const kept = parsed.get(card);
  if (kept) {
    return kept;
  }
  const sections = readSections(card);
  parsed.set(card, sections);
  if (parsed.size > PARSED_KEPT) {
    parsed.delete(parsed.keys().next().value as string);
  }
  return sections;
}

function readSections(card: string): CardSection[] {
  const { tree, source } = parseCardTree(card);
  // what comes before the first heading is a section too, with no heading
  const preamble: OpenSection = { heading: "", depth: 0, start: 0, end: source.length, text: [], tables: [], images: [], codeBlocks: 0 };
  const done: OpenSection[] = [preamble];
  const stack: OpenSection[] = [preamble];
  const close = (depth: number, at: number) => {
    // the preamble ends at the first heading, not at a <details> summary
    while (stack.length > 0 && ((stack.at(-1)?.depth ?? 0) >= depth || (stack.at(-1) === preamble && depth < DETAILS_DEPTH))) {
      const section = stack.pop() as OpenSection;
      section.end = at;
    }
  };
  const open = (heading: string, depth: number, at: number) => {
    close(depth, at);
    const section: OpenSection = { heading, depth, start: at, end: source.length, text: [], tables: [], images: [], codeBlocks: 0 };
    stack.push(section);
    done.push(section);
  };
  const add = (fill: (s: OpenSection) => void) => {
    for (const section of stack) {
      fill(section);
    }
  };
  for (const node of tree.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === "heading") {
      open(headingText(node), node.depth, start);
      continue;
    }
    if (node.type === "html") {
      readHtml(node.value, start, end, { open, close, add });
      continue;
    }
    const found = contentOf(node);
    add((s) => {
      s.text.push(found.text);
      s.tables.push(...found.tables);
      s.images.push(...found.images);
      s.codeBlocks += found.codeBlocks;
    });
  }
  return done
    .filter((s) => s !== preamble || source.slice(0, s.end).trim() !== "")
    .map((s) => ({
      heading: s.heading,
      slug: slugify(s.heading),
      depth: s.depth,
      body: s === preamble ? source.slice(0, s.end) : source.slice(s.start, s.end).replace(/^[^\n]*\n?/, ""),
      text: s.text.join(" ").replace(/\s+/g, " ").trim(),
      tables: s.tables,
      images: s.images,
      codeBlocks: s.codeBlocks,
    }));
}

function headingText(node: Nodes): string {
  return plainText(node).replace(/\s+/g, " ").trim();
}

interface Found {
  text: string;
  tables: CardTable[];
  images: CardImage[];
  codeBlocks: number;
}

// walks one block without recursion limits of its own: mdast depth is bounded by the parser's nesting rules
function contentOf(node: RootContent): Found {
  const found: Found = { text: "", tables: [], images: [], codeBlocks: 0 };
  const text: string[] = [];
  const visit = (n: Nodes) => {
    switch (n.type) {
      case "code":
        found.codeBlocks++;
        return;
      case "table":
        found.tables.push(markdownTable(n));
        break;
      case "image":
        found.images.push({ url: n.url, alt: n.alt ?? "" });
        return;
      case "html":
        found.tables.push(...htmlTables(n.value));
        found.images.push(...htmlImages(n.value));
        found.codeBlocks += (n.value.match(/<pre[\s>]/gi) ?? []).length;
        text.push(n.value.replace(/<[^>]*>/g, " "));
        return;
      case "text":
      case "inlineCode":
        text.push(n.value);
        return;
    }
    if ("children" in n) {
      for (const child of n.children) {
        visit(child as Nodes);
      }
      text.push(" ");
    }
  };
  visit(node);
  found.text = text.join("");
  return found;
}

function markdownTable(table: Table): CardTable {
  const [head, ...body] = table.children;
  return {
    header: (head?.children ?? []).map((cell) => plainText(cell).trim()),
    rows: body.length,
    firstColumn: body.map((row) => (row.children[0] ? plainText(row.children[0]).trim() : "")),
  };
}

interface HtmlHooks {
  open(heading: string, depth: number, at: number): void;
  close(depth: number, at: number): void;
  add(fill: (s: OpenSection) => void): void;
}

// an HTML block may open a <details> section (its <summary> is the heading), close one, or hold a table or images
function readHtml(html: string, start: number, end: number, hooks: HtmlHooks): void {
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(html);
  if (/<details[\s>]/i.test(html) && summary?.[1] !== undefined) {
    hooks.open(
      summary[1]
        .replace(/<[^>]*>/g, "")
        .replace(/\s+/g, " ")
        .trim(),
      DETAILS_DEPTH,
      start,
    );
  }
  const tables = htmlTables(html);
  const images = htmlImages(html);
  const pre = (html.match(/<pre[\s>]/gi) ?? []).length;
  const text = html.replace(/<[^>]*>/g, " ");
  hooks.add((s) => {
    s.tables.push(...tables);
    s.images.push(...images);
    s.codeBlocks += pre;
    s.text.push(text);
  });
  if (/<\/details>/i.test(html)) {
    hooks.close(DETAILS_DEPTH, end);
  }
}

const cellText = (cell: string) =>
  cell
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Tables in an HTML block: header cells from `<th>` (or the first row), body rows counted. */
export function htmlTables(html: string): CardTable[] {
  return [...html.matchAll(/<table[\s>][\s\S]*?(?:<\/table>|$)/gi)].map(([table]) => {
    const rows = [...table.matchAll(/<tr[\s>][\s\S]*?(?=<tr[\s>]|<\/table>|$)/gi)].map(([row]) => row);
    const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)(?=<t[hd][\s>]|<\/tr>|$)/gi)].map((m) => cellText(m[1] ?? ""));
    const headerAt = Math.max(
      0,
      rows.findIndex((r) => /<th[\s>]/i.test(r)),
    );
    const body = rows.slice(headerAt + 1);
    return { header: cells(rows[headerAt] ?? ""), rows: body.length, firstColumn: body.map((r) => cells(r)[0] ?? "") };
  });
}

function htmlImages(html: string): CardImage[] {
  return [...html.matchAll(/<img\b[^>]*>/gi)].flatMap(([tag]) => {
    const src = /\ssrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const alt = /\salt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? "";
    return src ? [{ url: src, alt }] : [];
  });
}
