import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrations as defaultMigrations, type Migration } from "./migrations";

export type Db = Database.Database;

/** Opens (creating folders and file as needed) a SQLite database in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, migrations: readonly Migration[] = defaultMigrations): Db {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  // concurrent writers (the app and a CLI run) wait briefly instead of failing with SQLITE_BUSY
  db.pragma("busy_timeout = 5000");
  migrate(db, migrations);
  return db;
}

/** Applies every migration past the stored user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this build (${migrations.length})`);
  }
  migrations.slice(current).forEach((migration, index) => {
    const version = current + index + 1;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
}
