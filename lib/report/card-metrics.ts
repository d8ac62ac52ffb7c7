import type { ModelInfo } from "./schema";

type Metric = ModelInfo["metrics"][number];

const MAX_METRICS = 60;
const NUMBER = /^-?\d+(?:\.\d+)?\s*%?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const text = (value: unknown): string | null => (typeof value === "string" || typeof value === "number" ? String(value) : null);

/** Every metric of the card's `model-index`, with the dataset it was measured on as the slice. */
export function modelIndexMetrics(index: unknown): Metric[] {
  const models = Array.isArray(index) ? index : isObject(index) ? [index] : [];
  const results = models.flatMap((m) => (isObject(m) && Array.isArray(m.results) ? m.results.filter(isObject) : []));
  return results
    .flatMap((result) => {
      const dataset = isObject(result.dataset) ? (text(result.dataset.name) ?? text(result.dataset.type)) : null;
      const metrics = Array.isArray(result.metrics) ? result.metrics.filter(isObject) : [];
      return metrics.flatMap((m): Metric[] => {
        const type = text(m.type) ?? text(m.name);
        const value = text(m.value);
        return type !== null && value !== null ? [{ type, value, slice: dataset }] : [];
      });
    })
    .slice(0, MAX_METRICS);
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) =>
      c
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\*\*|`/g, "")
        .trim()
        .replace(/^[*_]+|[*_]+$/g, ""),
    );

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The figures of the first Markdown results table in a card section: a two-column table (metric, score), or the
 * column whose header names the model or says "ours". Other tables compare models and say nothing certain about this one.
 */
export function tableMetrics(section: string, modelName: string): Metric[] {
  const lines = section.split(/\r?\n/);
  const start = lines.findIndex((line, i) => /^\s*\|.*\|\s*$/.test(line) && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? ""));
  if (start < 0) {
    return [];
  }
  const header = cells(lines[start] ?? "");
  const name = squash(modelName);
  const column = header.length === 2 ? 1 : header.findIndex((h, i) => i > 0 && ((name.length > 0 && squash(h).includes(name)) || /\bours\b/i.test(h)));
  if (column < 1) {
    return [];
  }
  const rows: Metric[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!/^\s*\|.*\|\s*$/.test(line) || rows.length >= MAX_METRICS) {
      break;
    }
    const row = cells(line);
    const [label, value] = [row[0] ?? "", row[column] ?? ""];
    if (label !== "" && NUMBER.test(value)) {
      rows.push({ type: label, value, slice: header.length === 2 ? null : (header[column] ?? null) });
    }
  }
  return rows;
}
