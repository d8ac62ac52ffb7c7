import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { openSqliteFile } from "@/tests/helpers/databases";

const ROOT = join(import.meta.dirname, "..", "..");

/** Runs the writer until it has acknowledged `acks` snapshots (plus `extraMs`), SIGKILLs it, returns what it acknowledged. */
function writeUntilKilled(db: string, acks: number, extraMs: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader, not the tsx wrapper: the SIGKILL must hit the writer, not a parent that leaves it running
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "tests", "helpers", "snapshot-writer.ts"), db], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acknowledged = new Map<string, number>();
    let pending = "";
    let stderr = "";
    let killing = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const [id = "", n = ""] = line.split(" ");
        acknowledged.set(id, Number(n));
      }
      if (!killing && acknowledged.size >= acks) {
        killing = true;
        setTimeout(() => child.kill("SIGKILL"), extraMs);
      }
    });
    child.on("exit", (_code, signal) => {
      if (signal === "SIGKILL") {
        resolve(acknowledged);
      } else {
        reject(new Error(`writer exited by itself: ${stderr}`));
      }
    });
  });
}

describe("snapshots under SIGKILL", () => {
  it("keeps every acknowledged snapshot intact and no half-written one, whatever the kill point", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mofscope-sigkill-"));
    const db = join(dir, "snapshots.sqlite");
    const seen = new Map<string, number>();
    // the same file is killed into four times, so later runs also recover from the earlier runs' WAL
    for (const [acks, extraMs] of [
      [1, 0],
      [5, 3],
      [12, 1],
      [20, 7],
    ] as const) {
      for (const [id, n] of await writeUntilKilled(db, acks, extraMs)) {
        seen.set(id, n);
      }
      const reopened = await openSqliteFile(db);
      try {
        const store = createSnapshotStore(reopened);
        for (const [id, n] of seen) {
          expect((await store.get(id))?.model.id, `snapshot ${id}`).toBe(`Amber-${n}`);
        }
        // every row present, acknowledged or not, is whole: it parses against the report schema
        const ids = (await reopened.db.selectFrom("snapshots").select("id").execute()).map((row) => row.id);
        expect(ids.length).toBeGreaterThanOrEqual(seen.size);
        for (const id of ids) {
          expect(await store.get(id)).not.toBeNull();
        }
      } finally {
        await reopened.close();
      }
      const raw = new BetterSqlite3(db, { readonly: true });
      try {
        expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        raw.close();
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
