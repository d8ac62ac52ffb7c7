import { resolve } from "node:path";
import { defaultDatabase, deferredStore } from "@/lib/db";
import type { Report } from "@/lib/report/schema";
import type { LoadResult } from "./load";
import { registryReport } from "./report";
import { createRegistryStore, type RegistryStore } from "./store";

interface Loaded {
  store: RegistryStore;
  loaded: LoadResult;
}

const globalForRegistry = globalThis as unknown as { mofscopeRegistry?: Promise<Loaded> | undefined };

/** The vendored folder: MOFSCOPE_REGISTRY, else `registry/mot` under the working directory. */
// read at run time from the working directory, so the bundler is told not to trace it
export const registryDir = () => resolve(/* turbopackIgnore: true */ process.env.MOFSCOPE_REGISTRY ?? "registry/mot");

// loaded (idempotently) once per process; a failed load is forgotten, so the next use tries again
function loadedRegistry(): Promise<Loaded> {
  globalForRegistry.mofscopeRegistry ??= (async () => {
    const store = createRegistryStore(await defaultDatabase(), registryDir());
    return { store, loaded: await store.load() };
  })().catch((error: unknown) => {
    globalForRegistry.mofscopeRegistry = undefined;
    throw error;
  });
  return globalForRegistry.mofscopeRegistry;
}

/** The process-wide registry on the default database, loaded on first use. */
export function defaultRegistry(): RegistryStore {
  return deferredStore(async () => (await loadedRegistry()).store, {
    load: true,
    list: true,
    facets: true,
    byFile: true,
    all: true,
    source: true,
    byHfId: true,
    byGithubRepo: true,
    byName: true,
  });
}

/** What the first load of this process did (for a status line or a log). */
export async function registryLoadResult(): Promise<LoadResult> {
  return (await loadedRegistry()).loaded;
}

/** `registryReport` on the default registry. */
export function defaultRegistryReport(name: string): Promise<Report | null> {
  return registryReport(defaultRegistry(), name);
}
