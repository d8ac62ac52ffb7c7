import type { MofComponentEntry, MofRecord } from "@/lib/mof";

/** A minimal valid MOF record with the given components and global licences. */
export function makeRecord(components: MofComponentEntry[], license: MofRecord["release"]["license"] = {}): MofRecord {
  return {
    framework: { name: "Model Openness Framework", version: "1.0", date: "2024-12-15" },
    release: { name: "Test-Model", producer: "Test Org", date: "2025-06-01", license, components },
  };
}
