export { type Db, migrate, openDatabase } from "./database";
export { createSqliteResponseCache } from "./response-cache";
export { type Migration, migrations } from "./migrations";
export { defaultDatabase } from "./default";
