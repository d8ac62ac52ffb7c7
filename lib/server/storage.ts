import {
  closeDefaultDatabase,
  createResponseCache,
  type Database,
  defaultDatabase,
  type PruneSettings,
  pruneSettings,
  schedulePrune,
  watchSnapshots,
} from "@/lib/db";
import { invalidateModelKeys } from "@/lib/server/page-cache/cache";

export interface StartedStorage {
  database: Database;
  /** Stops the prune schedule and the snapshot watch, and closes the database. */
  stop(): Promise<void>;
}

export interface StartStorageOptions {
  /** The prune schedule; by default from MOFSCOPE_CACHE_PRUNE_MINUTES and MOFSCOPE_CACHE_GRACE_HOURS. */
  prune?: PruneSettings;
  log?: (line: string) => void;
}

/**
 * What the production server does with its storage before it listens: opens and migrates the database the
 * environment names (rejecting when it cannot), prunes the response cache on a schedule from then on, and drops the
 * cached pages of every model another instance re-audits within a second of its new snapshot.
 */
export async function startStorage({ prune = pruneSettings(), log }: StartStorageOptions = {}): Promise<StartedStorage> {
  const database = await defaultDatabase();
  const stopPruning = schedulePrune(createResponseCache(database), prune, log);
  const stopWatching = watchSnapshots(database, (modelKeys) => invalidateModelKeys(modelKeys));
  return {
    database,
    stop: async () => {
      stopPruning();
      stopWatching();
      await closeDefaultDatabase();
    },
  };
}
