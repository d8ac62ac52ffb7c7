export const MAX_COMPARE = 6;

/** An audited model (`org/name`), a stored snapshot (`r:<id>`) or a record self-reported to MOT (`mot:<name>`). */
export type CompareEntry = { kind: "model"; id: string } | { kind: "snapshot"; id: string } | { kind: "mot"; id: string };

const MODEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
const SNAPSHOT = /^r:([0-9A-Za-z]{10})$/;
// MOT names: letters of any script, digits, spaces and a little punctuation (CodeT5+-16B, RWKV-v4-(Raven), PanGu-α)
const MOT = /^mot:([\p{L}\p{N}][\p{L}\p{N} ._+()-]{0,119})$/iu;

/** Reads `?m=org/a,org/b,r:<snapshotId>`: valid entries in order, duplicates dropped, at most six. */
export function parseCompareParam(value: string | string[] | undefined): { entries: CompareEntry[]; rejected: string[] } {
  const raw = (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
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
  const mot = MOT.exec(item);
  if (mot?.[1]) {
    return { kind: "mot", id: mot[1].trim() };
  }
  const id = item.replace(/^https?:\/\/(www\.)?(huggingface\.co|hf\.co)\//i, "").replace(/\/+$/, "");
  return MODEL.test(id) && !id.includes("..") ? { kind: "model", id } : null;
}

/** The text of an entry in the `m` parameter. */
export function entryText(entry: CompareEntry): string {
  return entry.kind === "snapshot" ? `r:${entry.id}` : entry.kind === "mot" ? `mot:${entry.id}` : entry.id;
}

// MOT matches names case-insensitively, as the hubs do ids
function entryKey(entry: CompareEntry): string {
  return entry.kind === "snapshot" ? `r:${entry.id}` : entryText(entry).toLowerCase();
}

/** The `m` parameter for a selection, ready for a URL; commas, colons and slashes stay readable, `+` and spaces in MOT names are encoded. */
export function formatCompareParam(entries: readonly CompareEntry[]): string {
  return entries.map((e) => (e.kind === "mot" ? `mot:${encodeURIComponent(e.id)}` : entryText(e))).join(",");
}

/** Parses one entry a person typed into the picker. */
export function parseCompareEntry(text: string): CompareEntry | null {
  return toEntry(text.trim());
}
