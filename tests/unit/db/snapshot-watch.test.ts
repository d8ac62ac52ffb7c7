import { describe, expect, it, vi } from "vitest";
import { watchSnapshots } from "@/lib/db";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";
import { auditedReport } from "@/tests/unit/report/sample";

const storage = useStorage();

const reportOf = (id: string) => auditedReport({ model: { ...auditedReport().model, id } });

describe.each(DIALECTS_UNDER_TEST)("the snapshot watch on %s", (dialect) => {
  it("reports each new snapshot's model once, and none stored before it started", async () => {
    const database = await storage.open(dialect);
    const store = createSnapshotStore(database);
    await store.save(reportOf("acme/before"));
    const seen: string[] = [];
    const stop = watchSnapshots(database, (keys) => seen.push(...keys), 20);
    try {
      // the first look has noted where the table ends
      await new Promise((resolve) => setTimeout(resolve, 150));
      await store.save(reportOf("acme/one"));
      await store.save(reportOf("acme/two"));
      await vi.waitFor(() => expect(seen).toEqual(["hf:acme/one", "hf:acme/two"]), { timeout: 2_000, interval: 20 });
      // later looks re-read the trailing rows but report nothing twice
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual(["hf:acme/one", "hf:acme/two"]);
    } finally {
      stop();
    }
  });
});

describe("the snapshot watch on PostgreSQL", () => {
  it("finds a snapshot whose transaction took its number before, but committed after, one the watch already saw", async () => {
    const database = await storage.open("postgres");
    const store = createSnapshotStore(database);
    const seen: string[] = [];
    const stop = watchSnapshots(database, (keys) => seen.push(...keys), 20);
    let commit: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let inserted: () => void = () => undefined;
    const numbered = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      // the late row takes the lower sequence number, then its transaction stays open
      const late = database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("snapshots")
          .values({
            id: "late000001",
            model_key: "hf:acme/late",
            source: "hf",
            model_id: "acme/late",
            created_at: new Date().toISOString(),
            class: 3,
            provisional: 0,
            report_json: JSON.stringify(reportOf("acme/late")),
          })
          .execute();
        inserted();
        await held;
      });
      await numbered;
      await store.save(reportOf("acme/quick"));
      await vi.waitFor(() => expect(seen).toContain("hf:acme/quick"), { timeout: 2_000, interval: 20 });
      expect(seen).not.toContain("hf:acme/late");
      commit();
      await late;
      await vi.waitFor(() => expect(seen).toContain("hf:acme/late"), { timeout: 2_000, interval: 20 });
      expect(seen.filter((key) => key === "hf:acme/late")).toHaveLength(1);
    } finally {
      commit();
      stop();
    }
  });
});
