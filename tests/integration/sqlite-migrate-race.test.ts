import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsFor } from "@/lib/db";
import { DIALECTS } from "@/lib/db/dialect";

const root = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "mofscope-migrate-race-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Starter {
  readonly ready: Promise<void>;
  /** Lets it open the file; resolves with its last line. */
  go(): Promise<string>;
}

function starter(file: string): Starter {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "tests", "helpers", "migrate-child.ts"), file], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready\n")) {
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`exited before it was ready: ${out}`)));
  });
  return {
    ready,
    go: async () => {
      child.stdin.end("go\n");
      await exited;
      return out.trim().split("\n").at(-1) ?? "";
    },
  };
}

describe("processes starting together on a fresh SQLite file", () => {
  it("migrate it once between them, every one of them starting", async () => {
    const expected = Object.keys(migrationsFor(DIALECTS.sqlite)).sort();
    // a race is a matter of luck: several rounds, three processes each, on a new file every round
    for (let round = 0; round < 4; round++) {
      const file = join(dir, `round-${round}.sqlite`);
      const starters = [starter(file), starter(file), starter(file)];
      await Promise.all(starters.map((s) => s.ready));
      expect(await Promise.all(starters.map((s) => s.go()))).toEqual(["migrated", "migrated", "migrated"]);
      const raw = new BetterSqlite3(file, { readonly: true });
      try {
        const names = raw.prepare<[], { name: string }>("SELECT name FROM kysely_migration ORDER BY name").all();
        expect(names.map((n) => n.name)).toEqual(expected);
      } finally {
        raw.close();
      }
    }
  }, 120_000);
});
