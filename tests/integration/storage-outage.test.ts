import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toErrorResponse } from "@/lib/api/errors";
import { createResponseCache, type Database, isStorageUnavailable, loadDatabaseConfig, openDatabase } from "@/lib/db";
import { createSnapshotStore, type SnapshotStore } from "@/lib/db/snapshots";
import { answerWhileStorageDown } from "@/lib/server/storage-gate";
import { type Cluster, startCluster } from "@/tests/helpers/postgres";
import { auditedReport } from "@/tests/unit/report/sample";

const ROOT = join(import.meta.dirname, "..", "..");
const SECRET = "hunter2-secret";

interface Run {
  code: number;
  stderr: string;
}

function runTsx(script: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(ROOT, "node_modules", ".bin", "tsx"), [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, _stdout, stderr) => {
      resolve({ code: error && typeof error.code === "number" ? error.code : 0, stderr });
    });
  });
}

// a cluster of its own, with fsync on: this file stops it as a crash would and checks what survived
let cluster: Cluster;
beforeAll(async () => {
  cluster = await startCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.destroy();
});

describe("a database that cannot be reached at start", () => {
  it.each([
    ["the production server", "server.ts", ["-p", "0"], "mofscope: cannot start: "],
    ["npm run db:migrate", "scripts/db-migrate.ts", [], "db:migrate: "],
  ])(
    "stops %s with one line naming the problem, exit code 1, no stack and no password",
    async (_name, script, args, prefix) => {
      const down = new URL(cluster.url());
      down.port = "9";
      down.password = SECRET;
      const [unreachable, malformed, noDatabase] = await Promise.all([
        runTsx(script, { DATABASE_URL: down.toString() }, args),
        runTsx(script, { DATABASE_URL: `postgres://postgres:${SECRET}@` }, args),
        runTsx(script, { DATABASE_URL: cluster.url("no_such_database") }, args),
      ]);
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr).toBe(`${prefix}cannot open PostgreSQL postgres@127.0.0.1:9/postgres: connect ECONNREFUSED 127.0.0.1:9\n`);
      expect(malformed.code).toBe(1);
      expect(malformed.stderr).toBe(`${prefix}DATABASE_URL is malformed: not a URL (expected postgres://user:password@host:5432/database)\n`);
      expect(noDatabase.code).toBe(1);
      expect(noDatabase.stderr).toBe(
        `${prefix}cannot open PostgreSQL postgres@127.0.0.1:${cluster.port}/no_such_database: database "no_such_database" does not exist\n`,
      );
    },
    60_000,
  );
});

describe("a database lost while the server runs", () => {
  let database: Database;
  let store: SnapshotStore;
  let server: Server;
  let base: string;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await openDatabase(loadDatabaseConfig({ DATABASE_URL: cluster.url(), MOFSCOPE_DB_CONNECT_TIMEOUT_MS: "1000" }), {
      retryMs: 100,
      log: (line) => lines.push(line),
    });
    store = createSnapshotStore(database);
    // server.ts in small: the gate in front, a handler that reads the store behind it, errors as the API answers them
    server = createServer((request, response) => {
      if (answerWhileStorageDown(database.health, request, response)) {
        return;
      }
      void (async () => {
        try {
          const recent = await store.recent(100);
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(recent));
        } catch (error) {
          const answer = toErrorResponse(error);
          response.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.close();
    await database?.close();
  });

  it("answers 503 with a log line while it is gone, recovers when it returns, and loses nothing it acknowledged", async () => {
    const acknowledged = [];
    for (let n = 0; n < 20; n++) {
      acknowledged.push(
        await store.save(auditedReport({ model: { ...auditedReport().model, id: `LLM360/Amber-${n}` } }), new Date(Date.UTC(2025, 0, 1, 0, n))),
      );
    }
    expect((await fetch(`${base}/api/v1/recent`)).status).toBe(200);

    await cluster.stop();
    const failed = await store.get(acknowledged[0]?.id ?? "").catch((error: unknown) => error);
    expect(isStorageUnavailable(failed)).toBe(true);
    expect(database.health.down).toBe(true);
    await expect(store.save(auditedReport(), new Date(Date.UTC(2025, 1, 1)))).rejects.toThrow("the database is unreachable; try again shortly");
    // the response cache only saves requests: meanwhile it misses and skips, and audits go to the upstreams
    const cache = createResponseCache(database);
    expect(await cache.get("GET https://huggingface.co/api/models/a/b anon")).toBeNull();
    await expect(cache.set("GET https://huggingface.co/api/models/a/b anon", { status: 200, headers: {}, body: "{}", expiresAt: 1 })).resolves.toBeUndefined();

    for (const path of ["/api/v1/reports/abcdefghij", "/models/LLM360/Amber"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      if (path.startsWith("/api/")) {
        expect((await response.json()).error.code).toBe("storage_unavailable");
      } else {
        expect(await response.text()).toContain("mofscope is temporarily unavailable");
      }
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mofscope: database unreachable \(PostgreSQL postgres@127\.0\.0\.1:\d+\/postgres\): .+; answering 503 until it is back$/);

    await cluster.start();
    await vi.waitFor(() => expect(database.health.down).toBe(false), { timeout: 10_000, interval: 50 });
    expect(lines[1]).toMatch(/^mofscope: database reachable again \(PostgreSQL postgres@127\.0\.0\.1:\d+\/postgres\) after \d+\.\d s$/);

    for (const saved of acknowledged) {
      expect(await store.get(saved.id)).toEqual(saved);
    }
    const after = await store.save(auditedReport(), new Date(Date.UTC(2025, 2, 1)));
    expect(await store.get(after.id)).toEqual(after);
    const recent = await fetch(`${base}/api/v1/recent`);
    expect(recent.status).toBe(200);
    expect(await recent.json()).toHaveLength(21);
  }, 60_000);
});
