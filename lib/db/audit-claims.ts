import type { Database } from "./database";

/** The claim rows that make one audit per model at a time across every instance on a database. */
export interface AuditClaims {
  /** Takes the claim on `key` for `owner` unless another owner's lease is still live; the claim taken, or null. */
  claim(key: string, owner: string, leaseMs: number, now?: number): Promise<{ claimedAt: number } | null>;
  /** Extends the owner's lease; false when the claim is no longer the owner's. */
  renew(key: string, owner: string, leaseMs: number, now?: number): Promise<boolean>;
  /** Gives the claim up (after the snapshot is saved, or the audit failed). */
  release(key: string, owner: string): Promise<void>;
  /** The claim on `key`, live or expired, or null. */
  holder(key: string): Promise<{ owner: string; claimedAt: number; expiresAt: number } | null>;
}

/** The audit claims of one database (table `audit_claims`, migration `0003-cluster`). */
export function createAuditClaims({ db }: Database): AuditClaims {
  return {
    async claim(key, owner, leaseMs, now = Date.now()) {
      const row = { model_key: key, owner, claimed_at: now, expires_at: now + leaseMs };
      // one statement, so two instances racing for a free or expired claim cannot both win it
      const taken = await db
        .insertInto("audit_claims")
        .values(row)
        .onConflict((conflict) =>
          conflict
            .column("model_key")
            .doUpdateSet({ owner, claimed_at: now, expires_at: now + leaseMs })
            .where("audit_claims.expires_at", "<", now),
        )
        .returning(["owner", "claimed_at"])
        .executeTakeFirst();
      return taken?.owner === owner ? { claimedAt: Number(taken.claimed_at) } : null;
    },
    async renew(key, owner, leaseMs, now = Date.now()) {
      const result = await db
        .updateTable("audit_claims")
        .set({ expires_at: now + leaseMs })
        .where("model_key", "=", key)
        .where("owner", "=", owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async release(key, owner) {
      await db.deleteFrom("audit_claims").where("model_key", "=", key).where("owner", "=", owner).execute();
    },
    async holder(key) {
      const row = await db.selectFrom("audit_claims").select(["owner", "claimed_at", "expires_at"]).where("model_key", "=", key).executeTakeFirst();
      return row ? { owner: row.owner, claimedAt: Number(row.claimed_at), expiresAt: Number(row.expires_at) } : null;
    },
  };
}
