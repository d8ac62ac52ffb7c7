/** How long a client is asked to wait while the database is unreachable. */
export const STORAGE_RETRY_SECONDS = 5;

/** The database cannot answer now (unreachable, restarting, or a statement ran out of time); the request may be retried. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "StorageUnavailableError";
  }
}

// Next bundles route handlers and pages apart, so one class can exist twice in a process: match by name too
export function isStorageUnavailable(error: unknown): error is StorageUnavailableError {
  return error instanceof StorageUnavailableError || (error instanceof Error && error.name === "StorageUnavailableError");
}

// socket failures, SQLSTATE class 08 (connection exception), shutdowns (57P01-03), too many connections (53300),
// and what node-postgres says when a connection dies under it or the pool cannot get one in time
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
const CONNECTION_STATES = /^(08...|57P0[123]|53300)$/;
const CONNECTION_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|not queryable|connection error|the database system is (starting up|shutting down)/i;
// PostgreSQL's statement_timeout, and a SQLite file still locked by another writer after busy_timeout
const OUT_OF_TIME = new Set(["57014", "SQLITE_BUSY"]);

/** Whether an error means the database is out of reach ("connection"), a statement ran out of time ("timeout"), or neither. */
export function classifyFailure(error: unknown): "connection" | "timeout" | null {
  if (!(error instanceof Error)) {
    return null;
  }
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  if (CONNECTION_CODES.has(code) || CONNECTION_STATES.test(code) || CONNECTION_MESSAGES.test(error.message)) {
    return "connection";
  }
  if (error instanceof AggregateError && error.errors.some((inner) => classifyFailure(inner) === "connection")) {
    return "connection";
  }
  return OUT_OF_TIME.has(code) ? "timeout" : null;
}

/** A short reason for a log line or an error message: the driver's message, or the code of an error with none. */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.message === "") {
    return error.errors.map(reasonOf).join("; ");
  }
  if (error instanceof Error) {
    return error.message || ("code" in error ? String(error.code) : error.name);
  }
  return String(error);
}

export interface StorageHealth {
  /** True from the first connection failure until a query succeeds again. */
  readonly down: boolean;
  /** Turns a driver error into what callers see: StorageUnavailableError for an outage or a timeout, else the error itself. */
  failed(error: unknown): unknown;
  /** A query got through. */
  succeeded(): void;
  /** Stops the retry timer. */
  stop(): void;
}

export interface HealthOptions {
  /** The database as a log line names it (no password). */
  description: string;
  /** Asks the database something trivial; called while it is down, so recovery is noticed without traffic. */
  probe: () => Promise<unknown>;
  retryMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

/** Tracks whether the database answers: one log line when it goes, one when it is back, and a probe in between. */
export function createHealth({ description, probe, retryMs = 2_000, log = (line) => console.error(line), now = Date.now }: HealthOptions): StorageHealth {
  let downSince: number | null = null;
  let timer: NodeJS.Timeout | null = null;

  const stopRetrying = () => {
    if (timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };

  return {
    get down() {
      return downSince !== null;
    },
    failed(error) {
      const kind = classifyFailure(error);
      if (kind === "timeout") {
        return new StorageUnavailableError("a database statement ran out of time", { cause: error });
      }
      if (kind === null) {
        return error;
      }
      if (downSince === null) {
        downSince = now();
        log(`mofscope: database unreachable (${description}): ${reasonOf(error)}; answering 503 until it is back`);
        // the probe goes through the same guarded driver, so its success calls succeeded()
        timer = setInterval(() => void probe().catch(() => undefined), retryMs);
        timer.unref();
      }
      return new StorageUnavailableError("the database is unreachable; try again shortly", { cause: error });
    },
    succeeded() {
      if (downSince !== null) {
        log(`mofscope: database reachable again (${description}) after ${((now() - downSince) / 1000).toFixed(1)} s`);
        downSince = null;
        stopRetrying();
      }
    },
    stop: stopRetrying,
  };
}
