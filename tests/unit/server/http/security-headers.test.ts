import { describe, expect, it } from "vitest";
import { noncePolicy, trustedScriptHashes } from "@/lib/server/http/security-headers";

describe("security headers", () => {
  it("a rendered page's policy allows scripts by this response's nonce only, never 'unsafe-inline'", () => {
    const scriptSrc = /script-src ([^;]*)/.exec(noncePolicy("abc123", false))?.[1];
    expect(scriptSrc).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
  });

  it("hashes inline scripts as the browser does, CRLF and CR read as LF", () => {
    // printf 'a();\nb();' | openssl dgst -sha256 -binary | base64
    const lf = "wrEMctykYIJXhAyfCKKphjLeSVuUKhNQ4uVZWiS2cTQ=";
    for (const text of ["a();\nb();", "a();\r\nb();", "a();\rb();"]) {
      expect(trustedScriptHashes(`<script nonce="N">${text}</script>`, "N")).toEqual([lf]);
    }
  });

  it("hashes each trusted script once, and none without the nonce or with another one", () => {
    const html = '<script nonce="N">x</script><script nonce="N">x</script><script nonce="M">y</script><script data-nonce="N">z</script>';
    expect(trustedScriptHashes(html, "N")).toHaveLength(1);
    expect(trustedScriptHashes(html, "Q")).toEqual([]);
  });
});
