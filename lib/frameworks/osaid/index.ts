export { osaidOf } from "./assess";
export { OSAID_DEFINITION, OSAID_REQUIREMENTS } from "./requirements";
export type { LicenceTest, Osaid, OsaidRequirement, OsaidStatus, UnknownKind } from "./schema";
export { osaidSchema } from "./schema";
