export interface ModelRef {
  source: "hf" | "github";
  /** `org/name` (or `owner/repo` on GitHub). */
  id: string;
  /** What is handed to the audit pipeline. */
  input: string;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** A model from the route's `[org]/[name]` and `?source=`; null when the segments cannot name a repository. */
export function modelRefFromRoute(org: string, name: string, source?: string | string[]): ModelRef | null {
  const o = safeDecode(org);
  const n = safeDecode(name);
  if (o === null || n === null || !SEGMENT.test(o) || !SEGMENT.test(n) || n.endsWith(".") || o.includes("..") || n.includes("..")) {
    return null;
  }
  const id = `${o}/${n}`;
  return source === "github" ? { source: "github", id, input: `https://github.com/${id}` } : { source: "hf", id, input: id };
}

/** The page of a model. */
export function modelPath(ref: Pick<ModelRef, "source" | "id">, suffix = ""): string {
  return `/models/${ref.id}${suffix}${ref.source === "github" ? "?source=github" : ""}`;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
