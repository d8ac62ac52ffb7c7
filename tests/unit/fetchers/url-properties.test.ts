import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseModelUrl } from "@/lib/fetchers/url";

const runs = { numRuns: 2000 };
const hosts = [
  "huggingface.co",
  "hf.co",
  "github.com",
  "www.github.com",
  "evil.example",
  "127.0.0.1",
  "[::1]",
  "huggingface.co.evil.example",
  "169.254.169.254",
  "localhost",
];
const segment = fc.stringMatching(/^[A-Za-z0-9._%@:-]{0,20}$/);
const urlLike = fc
  .tuple(
    fc.constantFrom("https://", "http://", "", "ftp://", "javascript:", "file://", "//", "git@"),
    fc.option(fc.constantFrom("user:pw@", "a@"), { nil: "" }),
    fc.constantFrom(...hosts),
    fc.option(fc.constantFrom(":8080", ":443"), { nil: "" }),
    fc.array(segment, { maxLength: 6 }),
  )
  .map(([scheme, auth, host, port, path]) => `${scheme}${auth}${host}${port}/${path.join("/")}`);

describe("parseModelUrl properties", () => {
  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseModelUrl(input);
        expect(typeof result.ok).toBe("boolean");
      }),
      runs,
    );
  });

  it("gives a result or a typed error with a message for any URL-like string", () => {
    fc.assert(
      fc.property(fc.oneof(urlLike, fc.string({ maxLength: 300 })), (input) => {
        const result = parseModelUrl(input);
        if (!result.ok) {
          expect(result.error.code.length).toBeGreaterThan(0);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });

  it("accepts only the configured hosts' targets, never credentials, ports or IP literals", () => {
    fc.assert(
      fc.property(urlLike, (input) => {
        const result = parseModelUrl(input);
        if (result.ok && /^[a-z]+:\/\//i.test(input)) {
          const host = new URL(input.replace(/^git@/, "https://")).hostname;
          expect(["huggingface.co", "hf.co", "github.com", "www.github.com"]).toContain(host);
          expect(input).not.toMatch(/\/\/[^/]*@/);
          expect(input).not.toMatch(/\/\/[^/]*:\d+/);
        }
      }),
      runs,
    );
  });

  it("returns ids made only of safe characters", () => {
    fc.assert(
      fc.property(urlLike, (input) => {
        const result = parseModelUrl(input);
        if (result.ok) {
          const id = result.target.source === "hf" ? result.target.id : `${result.target.owner}/${result.target.repo}`;
          expect(id).toMatch(/^[\w.-]+(\/[\w.-]+)?$/);
        }
      }),
      runs,
    );
  });
});
