import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on this machine (Debian: /usr/lib/postgresql/<version>/bin), or MOFSCOPE_PG_BIN. */
export function postgresBin(): string | null {
  if (process.env.MOFSCOPE_PG_BIN) {
    return existsSync(join(process.env.MOFSCOPE_PG_BIN, "initdb")) ? process.env.MOFSCOPE_PG_BIN : null;
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : join(root, newest, "bin");
}

export interface Cluster {
  readonly port: number;
  /** A connection URL for a database of this cluster (default: postgres). */
  url(database?: string): string;
  /** Starts the server again after stop(). */
  start(): Promise<void>;
  /** Stops the server at once, as a crash would (`pg_ctl -m immediate`); committed data survives in the WAL. */
  stop(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") {
    throw new Error("no free port");
  }
  return address.port;
}

export interface ClusterOptions {
  /** Trade durability for speed (fsync off): for the shared cluster, never for a test of what survives a crash. */
  fast?: boolean;
}

/**
 * A throwaway PostgreSQL cluster in a temp folder on a random loopback port, trusted logins for `postgres`. PostgreSQL
 * refuses to run as root, so as root every command runs as the `postgres` user the Debian package creates.
 */
export async function startCluster({ fast = false }: ClusterOptions = {}): Promise<Cluster> {
  const bin = postgresBin();
  if (bin === null) {
    throw new Error("PostgreSQL server binaries not found; run `node scripts/check-postgres.mjs` for how to install them");
  }
  const dir = mkdtempSync(join(tmpdir(), "mofscope-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(dir, uid, gid);
  }
  const command = (name: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, name), ...args]) : run(join(bin, name), args));
  const data = join(dir, "data");
  // an ICU locale that does not sort like bytes, so the stores' byte-order sorting is put to the test
  await command("initdb", [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--locale-provider=icu",
    "--icu-locale=en-US",
    "--no-sync",
  ]);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, "-h 127.0.0.1", ...(fast ? ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"] : [])];
  const start = async () => {
    await command("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", settings.join(" "), "-w", "start"]);
  };
  const stop = async () => {
    await command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  };
  await start();
  return {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function asAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  /** Drops it, whoever is still connected. */
  drop(): Promise<void>;
}

/** Creates an empty database on the server of `adminUrl`; its name is unique to this process. */
export async function createDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `mofscope_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
