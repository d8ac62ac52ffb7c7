export const MAX_COMPARE = 6;

export type CompareEntry = { kind: "model"; id: string } | { kind: "snapshot"; id: string };

const MODEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const SNAPSHOT = /^r:([0-9A-Za-z]{10})$/;

/** Reads `?m=org/a,org/b,r:<snapshotId>`: valid entries in order, duplicates dropped, at most six. */
export function parseCompareParam(value: string | string[] | undefined): { entries: CompareEntry[]; rejected: string[] } {
  const raw = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const entries: CompareEntry[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const entry = toEntry(item);
    if (entry === null || entries.length >= MAX_COMPARE) {
      rejected.push(item);
      continue;
    }
    const key = entryKey(entry);
    if (!seen.has(key)) {
      seen.add(key);
      entries.push(entry);
    }
  }
  return { entries, rejected };
}

function toEntry(item: string): CompareEntry | null {
  const snapshot = SNAPSHOT.exec(item);
  if (snapshot?.[1]) {
    return { kind: "snapshot", id: snapshot[1] };
  }
  const id = item.replace(/^https?:\/\/(www\.)?(huggingface\.co|hf\.co)\//i, "").replace(/\/+$/, "");
  return MODEL.test(id) && !id.includes("..") ? { kind: "model", id } : null;
}

/** The text of an entry in the `m` parameter. */
export function entryText(entry: CompareEntry): string {
  return entry.kind === "snapshot" ? `r:${entry.id}` : entry.id;
}

function entryKey(entry: CompareEntry): string {
  return entry.kind === "snapshot" ? `r:${entry.id}` : entry.id.toLowerCase();
}

/** The `m` parameter for a selection; commas and slashes stay readable. */
export function formatCompareParam(entries: readonly CompareEntry[]): string {
  return entries.map(entryText).join(",");
}

/** Parses one entry a person typed into the picker. */
export function parseCompareEntry(text: string): CompareEntry | null {
  return toEntry(text.trim());
}
