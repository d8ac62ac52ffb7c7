/** The few facts mofscope reads from an OAI-PMH GetRecord answer (metadataPrefix=arXiv). */
export type OaiRecord = { ok: true; title: string | null; license: string | null } | { ok: false; errorCode: string };

/**
 * Reads an OAI-PMH answer with plain string matching: no entity expansion and no DTDs, so no XXE.
 * Returns null when the text is not an OAI-PMH document or declares a DOCTYPE.
 */
export function parseOaiRecord(xml: string): OaiRecord | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || !/<OAI-PMH[\s>]/.test(xml)) {
    return null;
  }

  const error = /<error\b[^>]*\bcode\s*=\s*"([^"]*)"/.exec(xml);
  if (error) {
    return { ok: false, errorCode: error[1] ?? "unknown" };
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

function elementText(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? (match[1] ?? "") : null;
}

// only the five predefined XML entities and numeric references: anything else is left as written
function decodeEntities(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => safeCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => safeCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}

function collapse(text: string): string | null {
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed === "" ? null : collapsed;
}
