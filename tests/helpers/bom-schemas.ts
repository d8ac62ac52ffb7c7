import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const DATA = join(import.meta.dirname, "..", "..", "lib", "aibom", "data");
const load = (path: string) => JSON.parse(readFileSync(join(DATA, path), "utf8")) as Record<string, unknown>;

// RFC 3987 IRI references: no spaces or controls, and an absolute one must parse as a URL
function isIriReference(value: string): boolean {
  if ([...value].some((c) => (c.codePointAt(0) ?? 0) <= 0x20 || c === "\u007f" || '<>"{}|\\^`'.includes(c))) {
    return false;
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) {
    return true;
  }
  return URL.canParse(value);
}

/** The official CycloneDX 1.6 JSON schema (with the SPDX id and JSF schemas it refers to), compiled once. */
export function cyclonedxValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  ajv.addFormat("iri-reference", isIriReference);
  ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
  ajv.addKeyword("meta:enum");
  // the bom schema refers to its companions by the library's file names, resolved against its own $id
  ajv.addSchema({ ...load("cyclonedx/spdx.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json" });
  ajv.addSchema({ ...load("cyclonedx/jsf-0.82.SNAPSHOT.schema.json"), $id: "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json" });
  return ajv.compile(load("cyclonedx/bom-1.6.SNAPSHOT.schema.json"));
}

/** The official SPDX 3.0.1 JSON schema (draft 2020-12), compiled once. */
export function spdxValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  return ajv.compile(load("spdx/spdx-json-schema-3.0.1.json"));
}

/** Validation errors as readable lines, for a failing test's message. */
export function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("\n");
}
