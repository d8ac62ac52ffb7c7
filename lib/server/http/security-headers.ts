import { createHash } from "node:crypto";

/** Sent on every response, cached or rendered. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "x-frame-options": "DENY",
};

/** The policy of a response that is no page (a refusal, a redirect, a plain error): it may load and run nothing. */
export const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The page policy around a `script-src` list. Styles keep 'unsafe-inline' because React renders `style` attributes,
 * which neither nonces nor hashes can cover.
 */
function pagePolicy(scriptSources: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** A rendered page runs only scripts carrying this response's nonce (Next adds it to its own tags). */
export function noncePolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return pagePolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, dev);
}

/**
 * A page served again from the cache is byte-for-byte the same on every response, so it cannot carry a fresh nonce:
 * it lists the hashes of the inline scripts its render trusted instead. 'strict-dynamic' is left out because it
 * would block the parser-inserted chunk tags, which 'self' allows.
 */
export function hashPolicy(hashes: readonly string[]): string {
  return pagePolicy(["'self'", ...hashes.map((hash) => `'sha256-${hash}'`)].join(" "), false);
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/**
 * SHA-256 (base64) of each inline script that carried the render's nonce, hashed as the browser hashes it (the HTML
 * parser turns CR and CRLF into LF). A script without that nonce, such as one injected through content, gets no hash.
 */
export function trustedScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", text = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/.test(attributes) || !` ${attributes} `.includes(` nonce="${nonce}" `)) {
      continue;
    }
    hashes.add(createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64"));
  }
  return [...hashes];
}
