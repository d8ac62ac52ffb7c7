import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { CONFORMANCE_DIR } from "./conformance";

const schema = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "mof_schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).addSchema(schema, "mot");
addFormats(validate);
const check = validate.getSchema("mot");

/** The errors MOT's JSON schema (`mof_schema.json`) finds in a YAML record, as "path: message"; empty when valid. */
export function motSchemaErrors(yaml: string): string[] {
  if (check === undefined) {
    throw new Error("mof_schema.json did not compile");
  }
  // quoted dates stay strings, as MOT's own parser keeps them
  const value: unknown = parse(yaml);
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "invalid"}`);
}
