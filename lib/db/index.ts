export { type DatabaseConfig, DatabaseConfigError, describeDatabase, loadDatabaseConfig } from "./config";
export { type Database, DatabaseOpenError, type OpenOptions, openDatabase } from "./database";
export { deferredStore, defaultDatabase } from "./default";
export { type DialectName, DIALECTS, type DialectSql } from "./dialect";
export { classifyFailure, isStorageUnavailable, StorageUnavailableError } from "./health";
export { migrateToLatest, migrationsFor } from "./migrations";
export { type PruneSettings, pruneSettings, schedulePrune } from "./prune-schedule";
export { createResponseCache, defaultResponseCache, type StoredResponseCache } from "./response-cache";
export type { Schema } from "./schema";
