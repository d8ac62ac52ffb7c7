import { resolve } from "node:path";
import { defaultDatabase } from "@/lib/db";
import type { Report } from "@/lib/report/schema";
import type { LoadResult } from "./load";
import { registryReport } from "./report";
import { createRegistryStore, type RegistryStore } from "./store";

const globalForRegistry = globalThis as unknown as { mofscopeRegistry?: { store: RegistryStore; loaded: LoadResult } };

/** The vendored folder: MOFSCOPE_REGISTRY, else `registry/mot` under the working directory. */
// read at run time from the working directory, so the bundler is told not to trace it
export const registryDir = () => resolve(/* turbopackIgnore: true */ process.env.MOFSCOPE_REGISTRY ?? "registry/mot");

/** The process-wide registry on the default database, loaded (idempotently) on first use. */
export function defaultRegistry(): RegistryStore {
  if (!globalForRegistry.mofscopeRegistry) {
    const store = createRegistryStore(defaultDatabase(), registryDir());
    globalForRegistry.mofscopeRegistry = { store, loaded: store.load() };
  }
  return globalForRegistry.mofscopeRegistry.store;
}

/** What the first load of this process did (for a status line or a log). */
export function registryLoadResult(): LoadResult {
  defaultRegistry();
  return (globalForRegistry.mofscopeRegistry as { loaded: LoadResult }).loaded;
}

/** `registryReport` on the default registry. */
export function defaultRegistryReport(name: string): Report | null {
  return registryReport(defaultRegistry(), name);
}
