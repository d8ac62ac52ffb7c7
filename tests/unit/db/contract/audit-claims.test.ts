import { describe, expect, it } from "vitest";
import { createAuditClaims } from "@/lib/db/audit-claims";
import { createSnapshotStore } from "@/lib/db/snapshots";
import { awaitClusterTurn } from "@/lib/server/loaders/cluster-turn";
import { DIALECTS_UNDER_TEST, useStorage } from "@/tests/helpers/databases";
import { auditedReport } from "@/tests/unit/report/sample";

const storage = useStorage();

describe.each(DIALECTS_UNDER_TEST)("audit claims on %s", (dialect) => {
  it("let one owner hold a model until its lease expires or it releases, and only the holder renew or release", async () => {
    const shared = await storage.fresh(dialect);
    const a = createAuditClaims(await shared.open());
    const b = createAuditClaims(await shared.open());
    expect(await a.claim("hf:x/y", "A", 1_000, 10_000)).toEqual({ claimedAt: 10_000 });
    expect(await b.claim("hf:x/y", "B", 1_000, 10_500)).toBeNull();
    expect(await b.renew("hf:x/y", "B", 1_000, 10_500)).toBe(false);
    await b.release("hf:x/y", "B");
    expect(await a.holder("hf:x/y")).toEqual({ owner: "A", claimedAt: 10_000, expiresAt: 11_000 });
    expect(await a.renew("hf:x/y", "A", 1_000, 10_900)).toBe(true);
    expect(await b.claim("hf:x/y", "B", 1_000, 11_500)).toBeNull();
    // A stopped renewing (it died): once its lease is over, B takes the model over
    expect(await b.claim("hf:x/y", "B", 1_000, 12_000)).toEqual({ claimedAt: 12_000 });
    expect(await a.renew("hf:x/y", "A", 1_000, 12_100)).toBe(false);
    await b.release("hf:x/y", "B");
    expect(await a.holder("hf:x/y")).toBeNull();
    expect(await a.claim("hf:x/y", "A", 1_000, 12_200)).toEqual({ claimedAt: 12_200 });
  });

  it("make a second instance wait for the holder's snapshot, or take over from a holder that died", async () => {
    const shared = await storage.fresh(dialect);
    const first = await shared.open();
    const second = await shared.open();
    const latest = () => createSnapshotStore(second).latest("hf", "LLM360/Amber");
    const holder = await awaitClusterTurn("hf:llm360/amber", { claims: createAuditClaims(first), latest, owner: "A", leaseMs: 60_000 });
    expect(holder.kind).toBe("audit");
    const waiting = awaitClusterTurn("hf:llm360/amber", { claims: createAuditClaims(second), latest, owner: "B", leaseMs: 60_000, pollMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const saved = await createSnapshotStore(first).save(auditedReport());
    await (holder.kind === "audit" ? holder.release() : undefined);
    const turn = await waiting;
    expect(turn.kind === "stored" && turn.stored.report.id).toBe(saved.id);

    // a holder that dies never releases; its short lease runs out and the waiter audits instead
    expect(await createAuditClaims(first).claim("hf:llm360/amber force", "A", 150)).not.toBeNull();
    const takeover = await awaitClusterTurn("hf:llm360/amber force", { claims: createAuditClaims(second), latest, owner: "B", leaseMs: 60_000, pollMs: 20 });
    expect(takeover.kind).toBe("audit");
    expect((await createAuditClaims(second).holder("hf:llm360/amber force"))?.owner).toBe("B");
  });

  it("answer with a snapshot stored since the reader looked, rather than audit again, when the claim comes free", async () => {
    const shared = await storage.fresh(dialect);
    const first = await shared.open();
    const second = await shared.open();
    const latest = () => createSnapshotStore(second).latest("hf", "LLM360/Amber");
    const old = await createSnapshotStore(first).save(auditedReport(), new Date("2026-01-01T00:00:00Z"));
    // B's reader saw only the stale snapshot; meanwhile A audited, stored and released its claim
    const holder = await awaitClusterTurn("hf:llm360/amber", { claims: createAuditClaims(first), latest, owner: "A", seen: old.id });
    expect(holder.kind).toBe("audit");
    const saved = await createSnapshotStore(first).save(auditedReport());
    await (holder.kind === "audit" ? holder.release() : undefined);
    const turn = await awaitClusterTurn("hf:llm360/amber", { claims: createAuditClaims(second), latest, owner: "B", seen: old.id });
    expect(turn.kind === "stored" && turn.stored.report.id).toBe(saved.id);
    expect(await createAuditClaims(second).holder("hf:llm360/amber")).toBeNull();
    // a forced re-audit names no snapshot it saw: it audits whatever is stored
    const forced = await awaitClusterTurn("hf:llm360/amber force", { claims: createAuditClaims(second), latest, owner: "B" });
    expect(forced.kind).toBe("audit");
  });
});
