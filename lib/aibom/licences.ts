import { isSpdxId } from "@/lib/report/spdx-ids";

/** CycloneDX licence choices: an SPDX id where there is one, else the licence by name; each as the source declared it. */
export function cyclonedxLicences(ids: readonly string[]): { license: { id: string } | { name: string } }[] {
  return ids.map((id) => ({ license: isSpdxId(id) ? { id } : { name: id } }));
}

const EXPRESSION_TOKEN = /^[A-Za-z0-9.+-]+$/;

/** An SPDX licence expression for licences that all apply; a name that is no SPDX token becomes a LicenseRef. */
export function spdxExpression(ids: readonly string[]): string | null {
  if (ids.length === 0) {
    return null;
  }
  const tokens = ids.map((id) =>
    EXPRESSION_TOKEN.test(id) && (isSpdxId(id) || id.startsWith("LicenseRef-")) ? id : `LicenseRef-${id.replace(/[^A-Za-z0-9.-]+/g, "-")}`,
  );
  return [...new Set(tokens)].join(" AND ");
}
