import type { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, QueryResult, TransactionSettings } from "kysely";
import type { StorageHealth } from "./health";

class GuardedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly health: StorageHealth,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const result = await this.inner.executeQuery<R>(query);
      this.health.succeeded();
      return result;
    } catch (error) {
      throw this.health.failed(error);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const unwrap = (connection: DatabaseConnection) => (connection instanceof GuardedConnection ? connection.inner : connection);

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly health: StorageHealth,
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    try {
      return new GuardedConnection(await this.inner.acquireConnection(), this.health);
    } catch (error) {
      throw this.health.failed(error);
    }
  }

  // transaction statements run through the connection the caller holds, which is the guarded one
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.guard(() => this.inner.beginTransaction(unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.guard(() => this.inner.commitTransaction(unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.guard(() => this.inner.rollbackTransaction(unwrap(connection)));
  }

  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(unwrap(connection));
  }

  destroy() {
    return this.inner.destroy();
  }

  private async guard(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      throw this.health.failed(error);
    }
  }
}

/** The dialect with every driver failure passed through `health`: an outage becomes StorageUnavailableError and is logged once. */
export function guardedDialect(inner: Dialect, health: StorageHealth): Dialect {
  return {
    createDriver: () => new GuardedDriver(inner.createDriver(), health),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface takes Kysely<any> here
    createIntrospector: (db: Kysely<any>) => inner.createIntrospector(db),
  };
}
