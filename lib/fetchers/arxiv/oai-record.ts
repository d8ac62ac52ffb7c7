/** The few facts mofscope reads from an OAI-PMH GetRecord answer (metadataPrefix=arXiv). */
export type OaiRecord = { ok: true; title: string | null; license: string | null } | { ok: false; errorCode: string };

/**
 * Reads an OAI-PMH answer with plain string matching: no entity expansion and no DTDs, so no XXE. Every scan moves
 * forward only (indexOf, never a regex that retries from each start), so a hostile body costs linear time.
 * Returns null when the text is not an OAI-PMH document or declares a DOCTYPE.
 */
export function parseOaiRecord(xml: string): OaiRecord | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || !/<OAI-PMH[\s>]/.test(xml)) {
    return null;
  }

  const errorCode = errorCodeOf(xml);
  if (errorCode !== null) {
    return { ok: false, errorCode };
  }

  const metadata = elementText(xml, "metadata");
  if (metadata === null) {
    return null;
  }
  // the record header has no <title>, but take both from inside <metadata> to be sure
  const title = elementText(metadata, "title");
  const license = elementText(metadata, "license");
  return {
    ok: true,
    title: title === null ? null : collapse(decodeEntities(title)),
    license: license === null ? null : decodeEntities(license).trim() || null,
  };
}

/** The attributes of each `<name …>` start tag in turn (to its first `>`, or the end of the text). */
function* startTags(xml: string, name: string, follows: (char: string | undefined) => boolean): Generator<{ attributes: string; end: number }> {
  let from = 0;
  for (;;) {
    const open = xml.indexOf(`<${name}`, from);
    if (open === -1) {
      return;
    }
    const after = open + name.length + 1;
    if (!follows(xml[after])) {
      from = after;
      continue;
    }
    const close = xml.indexOf(">", after);
    yield { attributes: xml.slice(after, close === -1 ? xml.length : close), end: close };
    if (close === -1) {
      return;
    }
    // a start tag inside these attributes sees a suffix of them: nothing this one did not
    from = close + 1;
  }
}

// the `code` attribute of the first <error> element that has one (its last, should it repeat, as the regex this
// replaced read it)
function errorCodeOf(xml: string): string | null {
  for (const { attributes } of startTags(xml, "error", (c) => c === undefined || !/\w/.test(c))) {
    const codes = [...attributes.matchAll(/(?:^|\W)code\s*=\s*"([^"]*)"/g)];
    const code = codes.at(-1);
    if (code) {
      return code[1] ?? "unknown";
    }
  }
  return null;
}

function elementText(xml: string, name: string): string | null {
  for (const { end } of startTags(xml, name, (c) => c !== undefined && /[\s>]/.test(c))) {
    if (end === -1) {
      return null;
    }
    const close = xml.indexOf(`</${name}>`, end + 1);
    // no closing tag after this start means none after any later one either
    return close === -1 ? null : xml.slice(end + 1, close);
  }
  return null;
}

// only the five predefined XML entities and numeric references: anything else is left as written
function decodeEntities(text: string): string {
  return unwrapCdata(text)
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => safeCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => safeCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

// `<![CDATA[x]]>` → `x`; an unclosed section stays as written, as the regex it replaces left it
function unwrapCdata(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("<![CDATA[", from);
    const close = open === -1 ? -1 : text.indexOf("]]>", open + 9);
    if (close === -1) {
      return out + text.slice(from);
    }
    out += text.slice(from, open) + text.slice(open + 9, close);
    from = close + 3;
  }
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}

function collapse(text: string): string | null {
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed === "" ? null : collapsed;
}
