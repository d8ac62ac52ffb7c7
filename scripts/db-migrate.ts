import { describeDatabase, loadDatabaseConfig, migrateToLatest, migrationsFor, openDatabase, startupMessage } from "@/lib/db";

// npm run db:migrate: applies pending migrations to the database the environment names (DATABASE_URL, else
// MOFSCOPE_DB) and says which; exit 0 done (or nothing to do), 1 unreachable, malformed URL or failed migration
async function run(): Promise<void> {
  const config = loadDatabaseConfig();
  const database = await openDatabase(config, { migrate: false });
  try {
    const applied = await migrateToLatest(database.db, migrationsFor(database.sql), database.sql);
    process.stdout.write(
      applied.length === 0
        ? `db:migrate: ${describeDatabase(config)} is up to date\n`
        : `db:migrate: ${describeDatabase(config)}: applied ${applied.join(", ")}\n`,
    );
  } finally {
    await database.close();
  }
}

await run().catch((error: unknown) => {
  process.stderr.write(`db:migrate: ${startupMessage(error)}\n`);
  process.exitCode = 1;
});
