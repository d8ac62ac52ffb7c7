import { describe, expect, it } from "vitest";
import { badgeMessage, badgeSvg, refusedBadgeSvg } from "@/lib/report/badge";
import { parseBadgeStyle } from "@/lib/report/badge-style";

const width = (svg: string) => Number(/^<svg [^>]*width="([\d.]+)"/.exec(svg)?.[1]);

describe("badgeSvg", () => {
  it("labels the class and colours it", () => {
    const svg = badgeSvg({ class: 1, provisional: false });
    expect(svg).toContain(">Class I<");
    expect(svg).toContain('fill="#1a7f37"');
    expect(svg).toContain('aria-label="MOF: Class I"');
  });

  it("is grey for unknown and keeps each class's colour", () => {
    expect(badgeSvg({ class: null, provisional: false })).toContain('fill="#9f9f9f"');
    expect(badgeSvg({ class: 0, provisional: false })).toContain('fill="#5b616b"');
    expect(badgeSvg({ class: 2, provisional: true })).toContain('fill="#0969da"');
    expect(badgeSvg({ class: 3, provisional: false })).toContain('fill="#8250df"');
  });

  it("says unclassified, unknown and provisional", () => {
    expect(badgeMessage({ class: 0, provisional: false })).toBe("unclassified");
    expect(badgeMessage({ class: null, provisional: true })).toBe("unknown");
    expect(badgeMessage({ class: 3, provisional: true })).toBe("Class III (provisional)");
    expect(badgeSvg({ class: 3, provisional: true })).toContain('aria-label="MOF: Class III (provisional)"');
  });

  it("says stale after the class when the model has moved on, keeping the class's colour", () => {
    expect(badgeMessage({ class: 2, provisional: false, stale: true })).toBe("Class II (stale)");
    expect(badgeMessage({ class: 1, provisional: true, stale: true })).toBe("Class I (provisional, stale)");
    expect(badgeMessage({ class: null, provisional: false, stale: true })).toBe("unknown");
    const svg = badgeSvg({ class: 2, provisional: false, stale: true });
    expect(svg).toContain('aria-label="MOF: Class II (stale)"');
    expect(svg).toContain('fill="#0969da"');
  });

  it("sizes the text by its glyphs, not by its length", () => {
    // eight narrow glyphs and eight wide ones: a width per character would make these two badges equal
    const narrow = width(badgeSvg({ class: 1, provisional: false }, "flat", "iiiiiiii"));
    const wide = width(badgeSvg({ class: 1, provisional: false }, "flat", "MMMMMMMM"));
    expect(wide - narrow).toBeGreaterThan(40);
  });

  it("draws the shields.io styles: rounded flat, square flat-square, tall upper-case for-the-badge", () => {
    const flat = badgeSvg({ class: 2, provisional: false }, "flat");
    const square = badgeSvg({ class: 2, provisional: false }, "flat-square");
    const tall = badgeSvg({ class: 2, provisional: false }, "for-the-badge");
    expect(flat).toMatch(/<svg [^>]*height="20"/);
    expect(flat).toContain('rx="3"');
    expect(square).toMatch(/<svg [^>]*height="20"/);
    expect(square).not.toContain("rx=");
    expect(square).toContain('shape-rendering="crispEdges"');
    expect(tall).toMatch(/<svg [^>]*height="28"/);
    expect(tall).toContain(">CLASS II<");
    for (const svg of [flat, square, tall]) {
      expect(svg).toContain('fill="#0969da"');
    }
  });

  it("escapes every text it writes", () => {
    const svg = badgeSvg({ class: 2, provisional: false }, "flat", `<script>alert("x")</script>&`);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;");
  });

  it("is well-formed in every style: every opened element closes", () => {
    for (const style of ["flat", "flat-square", "for-the-badge"] as const) {
      const svg = badgeSvg({ class: 3, provisional: true }, style);
      const opened = svg.match(/<[a-zA-Z]+[^>]*[^/]>/g)?.length ?? 0;
      const closed = svg.match(/<\/[a-zA-Z]+>/g)?.length ?? 0;
      expect(opened).toBe(closed);
    }
  });

  it("draws a refusal in red with its reason", () => {
    const svg = refusedBadgeSvg("style must be flat, flat-square or for-the-badge");
    expect(svg).toContain('fill="#e05d44"');
    expect(svg).toContain('aria-label="MOF: style must be flat, flat-square or for-the-badge"');
  });
});

describe("parseBadgeStyle", () => {
  it("is flat when the URL names no style, and each shields.io style by name", () => {
    expect(parseBadgeStyle(null)).toEqual({ ok: true, style: "flat" });
    expect(parseBadgeStyle("flat-square")).toEqual({ ok: true, style: "flat-square" });
    expect(parseBadgeStyle("for-the-badge")).toEqual({ ok: true, style: "for-the-badge" });
  });

  it("refuses any other value, naming the styles there are", () => {
    for (const value of ["", "plastic", "FLAT", "flat ", "<svg>"]) {
      expect(parseBadgeStyle(value)).toEqual({ ok: false, message: "style must be flat, flat-square or for-the-badge" });
    }
  });
});
