import type { Report } from "./schema";

export type ModelSource = Report["model"]["source"];

/** The key snapshots of one model share; hub ids are case-insensitive, so it is lower-cased. */
export function modelKey(source: ModelSource, id: string): string {
  return `${source}:${id.toLowerCase()}`;
}
