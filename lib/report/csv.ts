export type CsvCell = string | number | boolean | null;

// a spreadsheet runs a cell that starts with one of these as a formula (CSV injection)
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) {
    return "";
  }
  if (typeof value !== "string") {
    return String(value);
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One CSV line (RFC 4180, CRLF): text quoted, and text a spreadsheet would run as a formula prefixed with `'`. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}
