import { describe, expect, it } from "vitest";
import { DatabaseConfigError, describeDatabase, loadDatabaseConfig } from "@/lib/db";

const SECRET = "s3cr3t-Pa55";

describe("loadDatabaseConfig", () => {
  it("defaults to the SQLite file ./data/mofscope.sqlite, or MOFSCOPE_DB", () => {
    expect(loadDatabaseConfig({})).toEqual({ dialect: "sqlite", path: "./data/mofscope.sqlite", statementTimeoutMs: 5000 });
    expect(loadDatabaseConfig({ MOFSCOPE_DB: "/srv/m.sqlite", DATABASE_URL: "" })).toMatchObject({ dialect: "sqlite", path: "/srv/m.sqlite" });
  });

  it("switches to PostgreSQL when DATABASE_URL is set, with pool size and timeouts", () => {
    expect(
      loadDatabaseConfig({
        DATABASE_URL: `postgres://app:${SECRET}@db.internal:6543/mofscope`,
        MOFSCOPE_DB_POOL: "4",
        MOFSCOPE_DB_STATEMENT_TIMEOUT_MS: "2500",
        MOFSCOPE_DB_CONNECT_TIMEOUT_MS: "800",
      }),
    ).toEqual({
      dialect: "postgres",
      url: `postgres://app:${SECRET}@db.internal:6543/mofscope`,
      pool: 4,
      statementTimeoutMs: 2500,
      connectTimeoutMs: 800,
    });
    expect(loadDatabaseConfig({ DATABASE_URL: "postgresql://localhost/m" })).toMatchObject({
      dialect: "postgres",
      pool: 10,
      statementTimeoutMs: 5000,
      connectTimeoutMs: 5000,
    });
  });

  it.each([
    [`http://app:${SECRET}@db/m`, "DATABASE_URL is malformed: the scheme must be postgres:// or postgresql://"],
    [`${SECRET}:x@db/m`, "DATABASE_URL is malformed: the scheme must be postgres:// or postgresql://"],
    ["postgres:///mofscope", "DATABASE_URL is malformed: it names no host"],
    [`postgres://app:${SECRET}@`, "DATABASE_URL is malformed: not a URL (expected postgres://user:password@host:5432/database)"],
    [`postgres://app:${SECRET}@db:99999/m`, "DATABASE_URL is malformed: not a URL (expected postgres://user:password@host:5432/database)"],
    [`app ${SECRET} at db`, "DATABASE_URL is malformed: not a URL (expected postgres://user:password@host:5432/database)"],
  ])("refuses %s with one line that does not repeat the password", (url, message) => {
    let thrown: unknown;
    try {
      loadDatabaseConfig({ DATABASE_URL: url });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseConfigError);
    expect((thrown as Error).message).toBe(message);
    expect((thrown as Error).message).not.toContain(SECRET);
  });

  it("refuses a pool size or timeout out of range, naming the variable", () => {
    expect(() => loadDatabaseConfig({ DATABASE_URL: "postgres://h/m", MOFSCOPE_DB_POOL: "0" })).toThrow(/^invalid database configuration: MOFSCOPE_DB_POOL: /);
    expect(() => loadDatabaseConfig({ MOFSCOPE_DB_STATEMENT_TIMEOUT_MS: "soon" })).toThrow(/MOFSCOPE_DB_STATEMENT_TIMEOUT_MS/);
  });
});

describe("describeDatabase", () => {
  it("names user, host, port and database of a server, never the password or the query", () => {
    const config = loadDatabaseConfig({ DATABASE_URL: `postgres://app:${SECRET}@db.internal:6543/mofscope?sslmode=require&password=${SECRET}` });
    expect(describeDatabase(config)).toBe("PostgreSQL app@db.internal:6543/mofscope");
    expect(describeDatabase(loadDatabaseConfig({ MOFSCOPE_DB: "/srv/m.sqlite" }))).toBe("SQLite /srv/m.sqlite");
  });
});
