export { type Db, migrate, openDatabase } from "./database";
export { defaultDatabase } from "./default";
export { type Migration, migrations } from "./migrations";
export { createSqliteResponseCache } from "./response-cache";
