import { loadDatabaseConfig } from "./config";
import { type Database, openDatabase } from "./database";

// route handlers, pages and server.ts are bundled apart, so the handle lives on globalThis to be one per process
const globalForDb = globalThis as unknown as { mofscopeDatabase?: Promise<Database> | undefined };

/** How long a failed open is answered from memory before the next call tries again. */
const REOPEN_AFTER_MS = 5_000;

/**
 * The process-wide database the environment names (DATABASE_URL, else the SQLite file MOFSCOPE_DB), opened and
 * migrated once. A failed open is remembered for a few seconds, then forgotten, so a later call tries again without
 * every caller in between waiting for its own attempt.
 */
export function defaultDatabase(): Promise<Database> {
  if (globalForDb.mofscopeDatabase === undefined) {
    const opening = openDatabase(loadDatabaseConfig());
    globalForDb.mofscopeDatabase = opening;
    opening.catch(() => {
      setTimeout(() => {
        if (globalForDb.mofscopeDatabase === opening) {
          globalForDb.mofscopeDatabase = undefined;
        }
      }, REOPEN_AFTER_MS).unref();
    });
  }
  return globalForDb.mofscopeDatabase;
}

/** Closes the process-wide database, if open, and forgets it (a server shutting down; a test done with it). */
export async function closeDefaultDatabase(): Promise<void> {
  const opening = globalForDb.mofscopeDatabase;
  globalForDb.mofscopeDatabase = undefined;
  await (await opening?.catch(() => undefined))?.close();
}

type AsyncMethodName<S> = { [K in keyof S]: S[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof S];

/**
 * A store whose every method first waits for `open` (a store over the default database, say): callers keep calling
 * `store().method()` and only add `await`. `methods` must name them all; the type checks that it does.
 */
export function deferredStore<S>(open: () => Promise<S>, methods: Record<AsyncMethodName<S>, true>): S {
  const entries = Object.keys(methods).map((name) => [
    name,
    async (...args: unknown[]) => {
      const store = await open();
      return (store[name as keyof S] as (...args: unknown[]) => Promise<unknown>).apply(store, args);
    },
  ]);
  return Object.fromEntries(entries) as S;
}
