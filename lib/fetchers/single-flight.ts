/**
 * One run per key at a time: whoever asks for a key while its run is under way shares that run, and the key is free
 * again once the run has settled. It lives here, in the lowest layer that de-duplicates (the HTTP client's requests),
 * so the audits (lib/audit) and the report loader (lib/server) above share it.
 */
export interface SingleFlight<Run> {
  /** The run under way for `key`, if any. */
  get(key: string): Run | undefined;
  /** Joins the run under way for `key`, or starts one with `start` (whose throw leaves the key free). */
  run(key: string, start: () => Run): Run;
}

/**
 * An empty set of runs. `settledBy` names the promise whose settling ends a run (a run may be a promise, or an object
 * that holds one beside its progress); a key is freed only after that promise settles, so a caller that comes later
 * starts afresh, and one that comes earlier never misses the run's result.
 */
export function createSingleFlight<Run>(settledBy: (run: Run) => PromiseLike<unknown>): SingleFlight<Run> {
  const runs = new Map<string, Run>();
  return {
    get: (key) => runs.get(key),
    run(key, start) {
      const running = runs.get(key);
      if (running !== undefined) {
        return running;
      }
      const started = start();
      runs.set(key, started);
      const forget = () => {
        if (runs.get(key) === started) {
          runs.delete(key);
        }
      };
      Promise.resolve(settledBy(started)).then(forget, forget);
      return started;
    },
  };
}
