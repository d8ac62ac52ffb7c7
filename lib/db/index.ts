export { type Db, migrate, openDatabase } from "./database";
export { createSqliteHttpCache } from "./http-cache";
export { type Migration, migrations } from "./migrations";
export { defaultDatabase } from "./default";
