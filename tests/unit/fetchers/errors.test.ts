import { describe, expect, it } from "vitest";
import { FetchFailure, isFetchFailure } from "@/lib/fetchers/errors";

describe("isFetchFailure", () => {
  it("recognises its own failures", () => {
    expect(isFetchFailure(new FetchFailure({ kind: "timeout", url: "https://hub.test/a" }))).toBe(true);
  });

  it("recognises a failure made by another copy of the module, by its name and kind", () => {
    class FetchFailureFromOtherBundle extends Error {
      readonly kind = "gated";
      override readonly name = "FetchFailure";
    }
    expect(isFetchFailure(new FetchFailureFromOtherBundle("x"))).toBe(true);
  });

  it("refuses errors that only borrow the name", () => {
    expect(isFetchFailure(Object.assign(new Error("x"), { name: "FetchFailure", kind: "exploded" }))).toBe(false);
    expect(isFetchFailure(Object.assign(new Error("x"), { name: "FetchFailure" }))).toBe(false);
    expect(isFetchFailure(new Error("x"))).toBe(false);
  });
});
