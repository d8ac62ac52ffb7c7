import { randomUUID } from "node:crypto";
import type { AuditClaims } from "@/lib/db/audit-claims";
import type { StoredReport } from "@/lib/db/snapshots";

/** How long a claim lives without renewal: an instance that dies mid-audit holds its models at most this long. */
export const CLAIM_LEASE_MS = 30_000;
/**
 * The lease from MOFSCOPE_CLAIM_LEASE_MS (whole milliseconds, at least one second; tests shorten it to see a dead
 * instance's claim taken over), else CLAIM_LEASE_MS.
 */
export function claimLeaseMs(env: Record<string, string | undefined> = process.env): number {
  const ms = Number(env.MOFSCOPE_CLAIM_LEASE_MS);
  return Number.isInteger(ms) && ms >= 1_000 ? ms : CLAIM_LEASE_MS;
}

/** How often a waiting instance looks for the claimed audit's snapshot. */
export const CLAIM_POLL_MS = 150;

/** Either this instance audits (and releases the claim once its snapshot is saved), or another's snapshot answers. */
export type ClusterTurn = { kind: "audit"; release(): Promise<void> } | { kind: "stored"; stored: StoredReport };

export interface ClusterTurnDeps {
  claims: AuditClaims;
  /** The newest snapshot of the model being claimed. */
  latest(): Promise<StoredReport | null>;
  owner: string;
  /**
   * The id of the newest snapshot the reader saw when it found an audit due (null: none), so that one stored since, by
   * any instance, answers instead of a second audit; absent for a forced re-audit, which audits whatever is stored.
   */
  seen?: string | null;
  leaseMs?: number;
  pollMs?: number;
}

const globalForOwner = globalThis as unknown as { mofscopeClaimOwner?: string };

/** This process's name on the claims it takes. */
export function processOwner(): string {
  globalForOwner.mofscopeClaimOwner ??= randomUUID();
  return globalForOwner.mofscopeClaimOwner;
}

/**
 * Waits for this instance's turn to audit `key`: takes the claim if no other instance holds a live one (renewing it
 * while the audit runs), or waits for the holder's snapshot newer than its claim. A holder that dies stops renewing;
 * its claim expires and is taken over here. A holder that gives up without a snapshot (its audit failed) frees the
 * claim, and this instance audits itself, unless a snapshot newer than the one its reader `seen` is stored by then.
 */
export async function awaitClusterTurn(
  key: string,
  { claims, latest, owner, seen, leaseMs = CLAIM_LEASE_MS, pollMs = CLAIM_POLL_MS }: ClusterTurnDeps,
): Promise<ClusterTurn> {
  for (;;) {
    if ((await claims.claim(key, owner, leaseMs)) !== null) {
      // the claim comes free once its holder has stored: a holder that finished before this reader's wait began
      // (or while the reader's own look was queued) is seen only here
      const newest = seen === undefined ? null : await latest();
      if (newest !== null && newest.report.id !== seen) {
        await claims.release(key, owner);
        return { kind: "stored", stored: newest };
      }
      const renewal = setInterval(() => {
        claims.renew(key, owner, leaseMs).catch(() => undefined);
      }, leaseMs / 3);
      renewal.unref();
      return {
        kind: "audit",
        release: async () => {
          clearInterval(renewal);
          await claims.release(key, owner);
        },
      };
    }
    // the claim being waited for: its snapshot is one stored after it was taken
    let waitedFor = await claims.holder(key);
    while (waitedFor !== null && waitedFor.expiresAt >= Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      // the claim first: a holder saves its snapshot before it releases, so a released claim's snapshot is read below
      const held = await claims.holder(key);
      const stored = await latest();
      if (stored !== null && Date.parse(stored.createdAt) >= waitedFor.claimedAt) {
        return { kind: "stored", stored };
      }
      // a claim taken over is waited for in turn; a released one (its audit failed) or an expired one is tried for
      waitedFor = held;
    }
  }
}
