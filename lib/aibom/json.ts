export type JsonObject = { [key: string]: unknown };

const empty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/** The object without its empty fields (undefined, null, "", [] or {}), nested objects first: a BOM states only what is known. */
export function compact(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    const kept = typeof value === "object" && value !== null && !Array.isArray(value) ? compact(value as JsonObject) : value;
    if (!empty(kept)) {
      out[key] = kept;
    }
  }
  return out;
}

/** The value at a dotted path (`modelCard.modelParameters.task`), if any. */
export function valueAt(object: unknown, path: string): unknown {
  let value = object;
  for (const key of path.split(".")) {
    value = typeof value === "object" && value !== null ? (value as JsonObject)[key] : undefined;
  }
  return value;
}

/** True when a path holds something: not absent, not empty. */
export function filled(object: unknown, path: string): boolean {
  return !empty(valueAt(object, path));
}
