import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type Dialect, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { type DatabaseConfig, describeDatabase } from "./config";
import { DIALECTS, type DialectName, type DialectSql } from "./dialect";
import { guardedDialect } from "./guarded-dialect";
import { createHealth, reasonOf, type StorageHealth } from "./health";
import { migrateToLatest, migrationsFor } from "./migrations";
import { upgradeLegacyFile } from "./migrations/legacy";
import type { Schema } from "./schema";

/** The driver's own handle, for a library that speaks to the database itself (the shared rate limiter). */
export type DriverClient = { kind: "postgres"; pool: import("pg").Pool } | { kind: "sqlite"; client: import("better-sqlite3").Database };

/** One open database: the query builder, which dialect it speaks, and whether it currently answers. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  /** The few pieces of SQL the dialects spell differently. */
  readonly sql: DialectSql;
  readonly health: StorageHealth;
  /** The database for a log line, without its password. */
  readonly description: string;
  readonly driver: DriverClient;
  close(): Promise<void>;
}

/** The database could not be opened or brought up to date; the message is one line and holds no secret. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}

export interface OpenOptions {
  /** Apply pending migrations (the default); `npm run db:migrate` and every process start do. */
  migrate?: boolean;
  /** Where outage and recovery lines go (stderr by default). */
  log?: (line: string) => void;
  /** How often an unreachable database is probed for its return. */
  retryMs?: number;
}

const INT8 = 20;

interface Opened {
  dialect: Dialect;
  driver: DriverClient;
  /** Fails when the database cannot be reached at all, before anything else is tried. */
  reach(): Promise<void>;
  /** The driver's own error events (an idle pooled connection that dies). */
  onError(listener: (error: unknown) => void): void;
}

// each driver is loaded only when its dialect is used, so a SQLite process (the CLI, a test) never loads pg
async function openPostgres(config: Extract<DatabaseConfig, { dialect: "postgres" }>): Promise<Opened> {
  const { default: pg } = await import("pg");
  // counts and epoch milliseconds arrive as int8; both fit a JS number, and the stores want numbers, not strings
  const parseTypes = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.pool,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    application_name: "mofscope",
    // idle connections never keep a finished process (a CLI run) alive
    allowExitOnIdle: true,
    types: parseTypes,
  });
  return {
    dialect: new PostgresDialect({ pool }),
    driver: { kind: "postgres", pool },
    reach: async () => {
      try {
        (await pool.connect()).release();
      } catch (error) {
        await pool.end();
        throw error;
      }
    },
    onError: (listener) => pool.on("error", listener),
  };
}

async function openSqlite(config: Extract<DatabaseConfig, { dialect: "sqlite" }>): Promise<Opened> {
  const { default: BetterSqlite3 } = await import("better-sqlite3");
  if (config.path !== ":memory:") {
    mkdirSync(dirname(config.path), { recursive: true });
  }
  const sqlite = new BetterSqlite3(config.path);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    // concurrent writers (the app and a CLI run) wait this long instead of failing with SQLITE_BUSY
    sqlite.pragma(`busy_timeout = ${config.statementTimeoutMs}`);
    upgradeLegacyFile(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    dialect: new SqliteDialect({ database: sqlite }),
    driver: { kind: "sqlite", client: sqlite },
    reach: async () => undefined,
    onError: () => undefined,
  };
}

/** Opens the configured database, checks that it answers, and (unless told not to) applies pending migrations. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const description = describeDatabase(config);
  let opened: Opened;
  try {
    opened = config.dialect === "postgres" ? await openPostgres(config) : await openSqlite(config);
    await opened.reach();
  } catch (error) {
    throw new DatabaseOpenError(`cannot open ${description}: ${reasonOf(error)}`, { cause: error });
  }
  let db: Kysely<Schema> | undefined;
  const health = createHealth({
    description,
    probe: () => sql`select 1`.execute(db as Kysely<Schema>),
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    ...(options.log === undefined ? {} : { log: options.log }),
  });
  opened.onError((error) => health.failed(error));
  db = new Kysely<Schema>({ dialect: guardedDialect(opened.dialect, health) });
  const dialectSql = DIALECTS[config.dialect];
  let closing: Promise<void> | null = null;
  const close = () => {
    health.stop();
    closing ??= db.destroy();
    return closing;
  };
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db, migrationsFor(dialectSql), dialectSql);
    } catch (error) {
      await close();
      throw new DatabaseOpenError(`cannot migrate ${description}: ${reasonOf(error)}`, { cause: error });
    }
  }
  return { db, dialect: config.dialect, sql: dialectSql, health, description, driver: opened.driver, close };
}
