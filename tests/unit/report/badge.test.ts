import { describe, expect, it } from "vitest";
import { badgeMessage, badgeSvg } from "@/lib/report/badge";

describe("badgeSvg", () => {
  it("labels the class and colours it", () => {
    const svg = badgeSvg({ class: 1, provisional: false });
    expect(svg).toContain(">Class I<");
    expect(svg).toContain('fill="#1a7f37"');
    expect(svg).toContain('aria-label="MOF: Class I"');
  });

  it("says unclassified, unknown and provisional", () => {
    expect(badgeMessage({ class: 0, provisional: false })).toBe("unclassified");
    expect(badgeMessage({ class: null, provisional: true })).toBe("unknown");
    expect(badgeMessage({ class: 3, provisional: true })).toBe("Class III (provisional)");
  });

  it("escapes every text it writes", () => {
    const svg = badgeSvg({ class: 2, provisional: false }, `<script>alert("x")</script>&`);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;");
  });

  it("is well-formed: every opened element closes", () => {
    const svg = badgeSvg({ class: 3, provisional: true });
    const opened = svg.match(/<[a-zA-Z]+[^>]*[^/]>/g)?.length ?? 0;
    const closed = svg.match(/<\/[a-zA-Z]+>/g)?.length ?? 0;
    expect(opened).toBe(closed);
  });
});
