import { describe, expect, it } from "vitest";
import { createLocalQueue, type IndexJob, type JobResult, type JobSettled, queueSettings } from "@/lib/index";

const job = (id: string, sha: string | null = "a".repeat(40)): IndexJob => ({ id, sha, enqueuedAt: "2026-01-01T00:00:00.000Z" });
const unchanged: JobResult = { status: "unchanged", requests: 0 };

describe("the local queue", () => {
  it("keeps one waiting job per model and runs at most `concurrency` at once", async () => {
    const queue = createLocalQueue(2);
    expect(await queue.enqueue([job("o/a"), job("o/b"), job("O/A"), job("o/c")])).toEqual(["o/a", "o/b", "o/c"]);
    let inFlight = 0;
    let most = 0;
    const ran: string[] = [];
    const settled: JobSettled[] = [];
    await queue.drain(
      async (j) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        ran.push(j.id);
        inFlight--;
        return unchanged;
      },
      (s) => settled.push(s),
    );
    expect(ran.sort()).toEqual(["O/A", "o/b", "o/c"]);
    expect(most).toBe(2);
    expect(settled.every((s) => s.ok)).toBe(true);
  });

  it("while working, runs a model enqueued again after its running job, unless it names the commit being audited", async () => {
    const queue = createLocalQueue(4);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ran: IndexJob[] = [];
    const stop = await queue.work(
      async (j) => {
        ran.push(j);
        if (ran.length === 1) {
          await held;
        }
        return unchanged;
      },
      () => undefined,
    );
    await queue.enqueue([job("o/a", "1".repeat(40))]);
    expect(await queue.enqueue([job("o/a", "1".repeat(40))])).toEqual([]);
    expect(await queue.enqueue([job("o/a", "2".repeat(40))])).toEqual(["o/a"]);
    // the second waits for the first: never two audits of one model at once
    expect(ran).toHaveLength(1);
    release();
    for (let i = 0; i < 100 && ran.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await stop();
    expect(ran.map((j) => j.sha?.[0])).toEqual(["1", "2"]);
  });

  it("stops taking jobs when stopped, and lets the one in flight finish", async () => {
    const queue = createLocalQueue(1);
    let finished = 0;
    const stop = await queue.work(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished++;
        return unchanged;
      },
      () => undefined,
    );
    await queue.enqueue([job("o/a"), job("o/b")]);
    await stop();
    expect(finished).toBe(1);
  });

  it("reports a failed job with its reason", async () => {
    const queue = createLocalQueue(1);
    await queue.enqueue([job("o/a")]);
    const settled: JobSettled[] = [];
    await queue.drain(
      async () => {
        throw new Error("upstream down");
      },
      (s) => settled.push(s),
    );
    expect(settled).toEqual([{ job: job("o/a"), ok: false, reason: "upstream down" }]);
  });
});

describe("queue settings", () => {
  it("default to minutes-scale timeouts and read MOFSCOPE_QUEUE_*", () => {
    expect(queueSettings({})).toEqual({ retryLimit: 3, retryDelaySeconds: 30, expireSeconds: 900, maintenanceSeconds: 60, pollingSeconds: 2 });
    expect(queueSettings({ MOFSCOPE_QUEUE_EXPIRE_S: "3", MOFSCOPE_QUEUE_POLL_S: "0.5" })).toMatchObject({ expireSeconds: 3, pollingSeconds: 0.5 });
  });

  it("refuse a value out of range, naming the variable", () => {
    expect(() => queueSettings({ MOFSCOPE_QUEUE_POLL_S: "0.1" })).toThrow(/MOFSCOPE_QUEUE_POLL_S/);
    expect(() => queueSettings({ MOFSCOPE_QUEUE_RETRIES: "many" })).toThrow(/MOFSCOPE_QUEUE_RETRIES/);
  });
});
