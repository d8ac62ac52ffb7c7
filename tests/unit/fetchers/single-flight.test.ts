import { describe, expect, it } from "vitest";
import { createSingleFlight } from "@/lib/fetchers/single-flight";

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("single flight", () => {
  it("shares the run under way for a key, and starts another key's own", async () => {
    const flights = createSingleFlight<Promise<string>>((run) => run);
    const gate = deferred<string>();
    let starts = 0;
    const start = () => {
      starts++;
      return gate.promise;
    };
    const first = flights.run("a", start);
    const second = flights.run("a", start);
    const other = flights.run("b", () => Promise.resolve("b"));
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect(starts).toBe(1);
    expect(flights.get("a")).toBe(first);
    gate.resolve("done");
    expect(await Promise.all([first, second, other])).toEqual(["done", "done", "b"]);
  });

  it("frees a key once its run has settled, fulfilled or rejected, so the next caller starts afresh", async () => {
    const flights = createSingleFlight<Promise<number>>((run) => run);
    const failing = deferred<number>();
    const failed = flights.run("k", () => failing.promise);
    failing.reject(new Error("upstream down"));
    await expect(failed).rejects.toThrow("upstream down");
    await settle();
    expect(flights.get("k")).toBeUndefined();
    const retried = flights.run("k", () => Promise.resolve(2));
    expect(retried).not.toBe(failed);
    expect(await retried).toBe(2);
    await settle();
    expect(flights.get("k")).toBeUndefined();
  });

  it("holds a run that is an object until the promise it names settles", async () => {
    const done = deferred<void>();
    const flights = createSingleFlight<{ progress: string[]; done: Promise<void> }>((run) => run.done);
    const run = flights.run("model", () => ({ progress: ["card"], done: done.promise }));
    await settle();
    expect(flights.run("model", () => ({ progress: [], done: Promise.resolve() }))).toBe(run);
    done.resolve();
    await settle();
    expect(flights.get("model")).toBeUndefined();
  });

  it("leaves the key free when starting throws", () => {
    const flights = createSingleFlight<Promise<void>>((run) => run);
    expect(() =>
      flights.run("k", () => {
        throw new Error("bad input");
      }),
    ).toThrow("bad input");
    expect(flights.get("k")).toBeUndefined();
  });
});
