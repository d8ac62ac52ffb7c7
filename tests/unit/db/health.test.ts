import { describe, expect, it, vi } from "vitest";
import { classifyFailure, isStorageUnavailable } from "@/lib/db";
import { createHealth } from "@/lib/db/health";

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("classifyFailure", () => {
  it.each([
    ["a refused connection", coded("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"), "connection"],
    ["both addresses of localhost refused", new AggregateError([coded("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], ""), "connection"],
    ["an unknown host", coded("getaddrinfo ENOTFOUND db", "ENOTFOUND"), "connection"],
    ["the server shutting down", coded("terminating connection due to administrator command", "57P01"), "connection"],
    ["the server starting up", coded("the database system is starting up", "57P03"), "connection"],
    ["a connection exception", coded("connection failure", "08006"), "connection"],
    ["a connection dying mid-query", new Error("Connection terminated unexpectedly"), "connection"],
    ["an exhausted pool", new Error("timeout exceeded when trying to connect"), "connection"],
    ["a statement timeout", coded("canceling statement due to statement timeout", "57014"), "timeout"],
    ["a SQLite file locked past busy_timeout", coded("database is locked", "SQLITE_BUSY"), "timeout"],
    ["a syntax error", coded('syntax error at or near "SELEC"', "42601"), null],
    ["a unique violation", coded("duplicate key value", "23505"), null],
    ["a bad password", coded('password authentication failed for user "app"', "28P01"), null],
    ["not an error", "ECONNREFUSED", null],
  ])("%s is %s", (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe("createHealth", () => {
  it("logs an outage once, probes until it ends, and logs the return once", async () => {
    const lines: string[] = [];
    let reachable = false;
    const probe = vi.fn(async () => {
      if (reachable) {
        health.succeeded();
        return;
      }
      throw health.failed(coded("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"));
    });
    const health = createHealth({ description: "PostgreSQL app@db:5432/m", probe, retryMs: 10, log: (line) => lines.push(line) });
    const first = health.failed(coded("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"));
    expect(isStorageUnavailable(first)).toBe(true);
    expect(health.down).toBe(true);
    await vi.waitFor(() => expect(probe.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(lines).toEqual(["mofscope: database unreachable (PostgreSQL app@db:5432/m): connect ECONNREFUSED 127.0.0.1:5432; answering 503 until it is back"]);
    reachable = true;
    await vi.waitFor(() => expect(health.down).toBe(false));
    const calls = probe.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probe.mock.calls.length).toBe(calls);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^mofscope: database reachable again \(PostgreSQL app@db:5432\/m\) after \d+\.\d s$/);
  });

  it("passes other errors through untouched and turns a timeout into StorageUnavailableError without an outage", () => {
    const health = createHealth({ description: "d", probe: async () => undefined, log: () => undefined });
    const syntax = coded("syntax error", "42601");
    expect(health.failed(syntax)).toBe(syntax);
    expect(isStorageUnavailable(health.failed(coded("canceling statement due to statement timeout", "57014")))).toBe(true);
    expect(health.down).toBe(false);
  });
});
