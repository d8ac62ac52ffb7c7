/** Model-card Markdown made into short plain text for bills of materials; linear in the input. */

const MAX_PASSAGE = 1000;

// a passage is read only this far, so no pattern below ever costs more than a bounded amount per passage
const READ_AT_MOST = 8 * MAX_PASSAGE;

function plain(markdown: string): string {
  return markdown
    .slice(0, READ_AT_MOST)
    .split(/\r?\n/)
    .filter((line) => !/^[\s:|-]*$/.test(line))
    .join(" ")
    .replace(/<!--.*?-->/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]*>/g, " ")
    .replace(/[*_`#>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Plain text of a passage, cut at a word near `max` characters; null when nothing readable is left. */
export function passageText(markdown: string, max = MAX_PASSAGE): string | null {
  const text = plain(markdown);
  if (text.length < 20) {
    return null;
  }
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40))}…`;
}

// lines that open no prose: headings, badges and images, html, tables, fences, rules, list items
const NOT_PROSE = /^\s*(#|!\[|\[!\[|<|\||```|~~~|---|\*\*\*|[-*+]\s|\d+\.\s)/;

/** The first paragraph of prose in a card body, as plain text. */
export function firstParagraph(body: string): string | null {
  const paragraph: string[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced || NOT_PROSE.test(line) || line.trim() === "") {
      if (paragraph.length > 0) {
        const text = passageText(paragraph.join(" "), 500);
        if (text !== null && text.length >= 40) {
          return text;
        }
        paragraph.length = 0;
      }
      continue;
    }
    paragraph.push(line);
  }
  const text = passageText(paragraph.join(" "), 500);
  return text !== null && text.length >= 40 ? text : null;
}
