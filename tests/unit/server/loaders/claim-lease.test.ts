import { describe, expect, it } from "vitest";
import { CLAIM_LEASE_MS, claimLeaseMs } from "@/lib/server/loaders/cluster-turn";

describe("the audit claim's lease", () => {
  it("is 30 s unless MOFSCOPE_CLAIM_LEASE_MS names whole milliseconds of at least a second", () => {
    expect(CLAIM_LEASE_MS).toBe(30_000);
    expect(claimLeaseMs({})).toBe(30_000);
    expect(claimLeaseMs({ MOFSCOPE_CLAIM_LEASE_MS: "3000" })).toBe(3_000);
    for (const bad of ["", "abc", "999", "-5000", "1500.5"]) {
      expect(claimLeaseMs({ MOFSCOPE_CLAIM_LEASE_MS: bad })).toBe(30_000);
    }
  });
});
