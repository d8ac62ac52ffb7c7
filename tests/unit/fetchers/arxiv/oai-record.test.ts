import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOaiRecord } from "@/lib/fetchers/arxiv";

// the regexes the scanner replaced, kept here as the oracle of what an answer means: a hostile body made each of
// them retry from every start (200 KB of "<error " took 14 s; 5 MB, the fetch cap, hours)
const oracle = {
  error: (xml: string) => /<error\b[^>]*\bcode\s*=\s*"([^"]*)"/.exec(xml)?.[1] ?? null,
  element: (xml: string, name: string) => new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? null,
  cdata: (text: string) => text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1"),
};

function oracleRecord(xml: string) {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || !/<OAI-PMH[\s>]/.test(xml)) {
    return null;
  }
  const code = oracle.error(xml);
  if (code !== null) {
    return { ok: false, errorCode: code };
  }
  const metadata = oracle.element(xml, "metadata");
  if (metadata === null) {
    return null;
  }
  const title = oracle.element(metadata, "title");
  const license = oracle.element(metadata, "license");
  // entity decoding is shared; the oracle only checks what the scans pick out, so it compares CDATA-unwrapped text
  return { title: title === null ? null : oracle.cdata(title), license: license === null ? null : oracle.cdata(license) };
}

// documents built from the pieces an OAI answer (or a hostile one) is made of, so tags open, close and nest at random
const piece = fc.constantFrom(
  "<OAI-PMH>",
  "</OAI-PMH>",
  "<metadata>",
  "<metadata ",
  "<metadatax>",
  "</metadata>",
  "<title>",
  "<title lang='en'>",
  "</title>",
  "<license>",
  "</license>",
  "<error ",
  '<error code="badArgument">',
  "<errors>",
  'code="x"',
  "<![CDATA[",
  "]]>",
  ">",
  " ",
  "\n",
  "A",
  "http://creativecommons.org/licenses/by/4.0/",
);
const document = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));

describe("parseOaiRecord's forward-only scans", () => {
  it("pick out the same error code, title and licence as the regexes they replaced", () => {
    fc.assert(
      fc.property(document, (xml) => {
        const want = oracleRecord(xml);
        const got = parseOaiRecord(xml);
        if (want === null || got === null) {
          expect(got).toBe(want);
        } else if ("errorCode" in want) {
          expect(got).toEqual(want);
        } else {
          expect(got.ok).toBe(true);
          const collapse = (t: string | null) => (t === null ? null : t.replace(/\s+/g, " ").trim() || null);
          expect(got).toMatchObject({ title: collapse(want.title), license: want.license === null ? null : want.license.trim() || null });
        }
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ["start tags of <error> that never close", (n: number) => `<OAI-PMH>${"<error ".repeat(n / 7)}`, null],
    ["<metadata> opened again and again", (n: number) => `<OAI-PMH>${"<metadata>".repeat(n / 10)}`, null],
    ["CDATA sections that never close", (n: number) => `<OAI-PMH><metadata><title>${"<![CDATA[".repeat(n / 9)}</title></metadata>`, "<![CDATA[".repeat(3)],
  ])("answers 5 MB of %s (the fetch cap)", (_name, make, titleStart) => {
    const record = parseOaiRecord(make(5_000_000));
    if (titleStart === null) {
      expect(record).toBeNull();
    } else {
      expect(record).toMatchObject({ ok: true });
      expect(record?.ok ? record.title?.slice(0, 27) : "").toBe(titleStart);
    }
  });
});
