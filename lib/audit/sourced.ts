import type { Sourced, UpstreamName } from "@/lib/evidence/facts";
import { isFetchFailure } from "@/lib/fetchers/errors";

/** Runs one upstream call and keeps its failure as a value, so one failed source never sinks the audit. */
export async function sourced<T>(source: UpstreamName, url: string, call: () => Promise<T>): Promise<Sourced<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (isFetchFailure(error)) {
      const wait = error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds };
      return { ok: false, failure: { source, kind: error.kind, url: error.url, message: error.message, ...wait } };
    }
    // a bug in a fetcher must not read as a verdict; report it as an upstream answer we could not use
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { source, kind: "invalid_response", url, message: `GET ${url} failed: ${message}` } };
  }
}
