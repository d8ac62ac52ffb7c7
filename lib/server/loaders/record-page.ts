import "server-only";
import { ApiError } from "@/lib/api/errors";
import { defaultRegistry } from "@/lib/registry/default";
import type { RegistryRecord } from "@/lib/registry/record-row";
import { reportFromRegistry } from "@/lib/registry/report";
import type { Report } from "@/lib/report/schema";

/** `/mot/{name}` for a record name. */
export function recordPath(name: string, suffix = ""): string {
  return `/mot/${encodeURIComponent(name)}${suffix}`;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The record a `/mot/[name]` route names (case-insensitive, as MOT keys names) and its self-reported report; null when none. */
export async function recordForRoute(segment: string): Promise<{ record: RegistryRecord; report: Report } | null> {
  const registry = defaultRegistry();
  const record = (await registry.byName(segment)) ?? (await registry.byName(decoded(segment)));
  const source = await registry.source();
  return record && source ? { record, report: reportFromRegistry(record, source) } : null;
}

/** The record for an export route; a name MOT does not list is the handler's 404. */
export async function requireRecord(segment: string): Promise<{ record: RegistryRecord; report: Report }> {
  const found = await recordForRoute(segment);
  if (found === null) {
    throw new ApiError("not_found", "MOT lists no model of that name.");
  }
  return found;
}
