import { z } from "zod";

/** Where the data lives: a SQLite file (the default) or a PostgreSQL server named by DATABASE_URL. */
export type DatabaseConfig =
  | { dialect: "sqlite"; path: string; statementTimeoutMs: number }
  | { dialect: "postgres"; url: string; pool: number; statementTimeoutMs: number; connectTimeoutMs: number };

/** A configuration the process cannot start with; its message names the variable and never echoes a secret. */
export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseConfigError";
  }
}

const milliseconds = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);

const envSchema = z.object({
  DATABASE_URL: z.string().trim().optional(),
  MOFSCOPE_DB: z.string().trim().min(1).default("./data/mofscope.sqlite"),
  MOFSCOPE_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  MOFSCOPE_DB_STATEMENT_TIMEOUT_MS: milliseconds(5_000),
  MOFSCOPE_DB_CONNECT_TIMEOUT_MS: milliseconds(5_000),
});

const POSTGRES_PROTOCOLS = new Set(["postgres:", "postgresql:"]);

// the reasons are about the URL's shape only: the URL itself may hold a password, so it is never repeated
function checkPostgresUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseConfigError("DATABASE_URL is malformed: not a URL (expected postgres://user:password@host:5432/database)");
  }
  if (!POSTGRES_PROTOCOLS.has(url.protocol)) {
    throw new DatabaseConfigError("DATABASE_URL is malformed: the scheme must be postgres:// or postgresql://");
  }
  if (url.hostname === "" && !url.searchParams.has("host")) {
    throw new DatabaseConfigError("DATABASE_URL is malformed: it names no host");
  }
  return value;
}

/** Reads the storage settings from the environment: DATABASE_URL chooses PostgreSQL, else the SQLite file MOFSCOPE_DB. */
export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new DatabaseConfigError(`invalid database configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL === undefined || e.DATABASE_URL === "") {
    return { dialect: "sqlite", path: e.MOFSCOPE_DB, statementTimeoutMs: e.MOFSCOPE_DB_STATEMENT_TIMEOUT_MS };
  }
  return {
    dialect: "postgres",
    url: checkPostgresUrl(e.DATABASE_URL),
    pool: e.MOFSCOPE_DB_POOL,
    statementTimeoutMs: e.MOFSCOPE_DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: e.MOFSCOPE_DB_CONNECT_TIMEOUT_MS,
  };
}

/** The database for a log line: user, host, port and name of a server (never the password or the query), or the file. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.dialect === "sqlite") {
    return `SQLite ${config.path}`;
  }
  const url = new URL(config.url);
  const user = url.username === "" ? "" : `${decodeURIComponent(url.username)}@`;
  const host = url.hostname === "" ? (url.searchParams.get("host") ?? "") : url.hostname;
  return `PostgreSQL ${user}${host}${url.port === "" ? "" : `:${url.port}`}${url.pathname}`;
}
