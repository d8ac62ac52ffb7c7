import { describe, expect, it } from "vitest";
import { startupMessage } from "@/lib/db";

describe("startupMessage", () => {
  it("flattens the error's message to one line", () => {
    expect(startupMessage(new Error("cannot open x:\n  connect ECONNREFUSED\n"), {})).toBe("cannot open x: connect ECONNREFUSED");
  });

  it("masks DATABASE_URL's password wherever it shows, plain or percent-encoded", () => {
    const env = { DATABASE_URL: "postgres://app:p%40ssw0rd!@db/m" };
    expect(startupMessage(new Error("auth failed for p@ssw0rd! and p%40ssw0rd!"), env)).toBe("auth failed for *** and ***");
  });

  it("leaves words alone that merely contain a very short password", () => {
    expect(startupMessage(new Error("cannot open PostgreSQL u@h/x"), { DATABASE_URL: "postgres://u:p@h/x" })).toBe("cannot open PostgreSQL u@h/x");
  });
});
